import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { importJobSchema } from '@bearing/contracts';
import { DataSource } from 'typeorm';
import { createApp } from '../src/create-app.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import {
  createTeam,
  fixture,
  type TestTeam,
  uploadImport,
  waitForImport,
} from './support/delivery-factories.js';
import {
  type Browser,
  createUser,
  createWorkspace,
  signIn,
  type TestUser,
  type TestWorkspace,
} from './support/factories.js';
import { createTestApp, type TestApp, testConfig } from './support/test-app.js';

/**
 * Imports run on the job queue: a `web` process answers the upload and keeps the file in the
 * database, `queued`, until a `worker` process — another application on the same database —
 * runs it; the upload is deleted once the import has ended.
 */
describe('imports on the job queue', () => {
  let web: TestApp;
  let worker: { app: NestExpressApplication; dataSource: DataSource } | undefined;
  let workspace: TestWorkspace;
  let admin: Browser;
  let team: TestTeam;
  let user: TestUser;

  beforeAll(async () => {
    web = await createTestApp({ role: 'web' });
    user = await createUser(web);
    workspace = await createWorkspace(web, user);
    admin = await signIn(web, user);
    team = await createTeam(web, workspace);
  });
  afterAll(async () => {
    await worker?.app.close();
    await web.close();
  });

  const uploads = async () =>
    (
      await web.dataSource.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM import_upload`,
      )
    )[0]?.count;

  it('keeps a web process’s upload queued in the database until a worker runs it', async () => {
    const response = await uploadImport(admin, workspace, team, {
      file: fixture('search-v3.json'),
    }).expect(202);
    const queued = importJobSchema.parse(response.body);
    expect(queued.status).toBe('queued');
    // No worker yet: the job waits, its file in the database rather than a temporary directory.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const waiting = importJobSchema.parse(
      (await admin.get(`/api/workspaces/${workspace.slug}/imports/${queued.id}`).expect(200)).body,
    );
    expect(waiting.status).toBe('queued');
    expect(await uploads()).toBe(1);

    const url = (web.dataSource.options as { url: string }).url;
    const dataSource = new DataSource(dataSourceOptions(url));
    await dataSource.initialize();
    worker = { app: await createApp({ ...testConfig, role: 'worker' }, dataSource), dataSource };

    const done = await waitForImport(admin, workspace, queued.id);
    expect(done.status).toBe('completed');
    expect(done.result?.created).toBeGreaterThan(0);
    expect(await uploads()).toBe(0);
  });

  it('stores the same rows whether the job read the stored upload or the file as it arrived', async () => {
    if (!worker) throw new Error('the previous test starts the worker');
    // Team A's import (the test above) was run by the worker from the upload stored in the
    // database. Team B's goes to the worker process itself, which reads the file as it arrives
    // and hands it to its own job.
    const other = await createTeam(web, workspace);
    const direct = await signIn({ ...web, app: worker.app }, user);
    const response = await uploadImport(direct, workspace, other, {
      file: fixture('search-v3.json'),
    }).expect(202);
    const done = await waitForImport(admin, workspace, importJobSchema.parse(response.body).id);
    expect(done.status).toBe('completed');

    const rows = async (teamId: string) => ({
      items: await web.dataSource.query(
        `SELECT key, type, title, points, initial_points, created_at, status, initial_status,
                resolved_at, parent_key, has_history, fields_digest, history_digest
           FROM work_item WHERE team_id = $1 ORDER BY key`,
        [teamId],
      ),
      statusChanges: await web.dataSource.query(
        `SELECT item.key, change.seq, change.at, change.from_status, change.to_status
           FROM work_item_status_change change JOIN work_item item ON item.id = change.work_item_id
          WHERE item.team_id = $1 ORDER BY item.key, change.seq`,
        [teamId],
      ),
      sprintChanges: await web.dataSource.query(
        `SELECT item.key, change.seq, change.at, sprint.name, change.change
           FROM work_item_sprint_change change JOIN work_item item ON item.id = change.work_item_id
           JOIN sprint ON sprint.id = change.sprint_id
          WHERE item.team_id = $1 ORDER BY item.key, change.seq`,
        [teamId],
      ),
      estimateChanges: await web.dataSource.query(
        `SELECT item.key, change.seq, change.at, change.points
           FROM work_item_estimate_change change JOIN work_item item ON item.id = change.work_item_id
          WHERE item.team_id = $1 ORDER BY item.key, change.seq`,
        [teamId],
      ),
      sprints: await web.dataSource.query(
        `SELECT external_id, name, starts_at, ends_at, completed_at, goal, state
           FROM sprint WHERE team_id = $1 ORDER BY external_id, name`,
        [teamId],
      ),
    });
    const fromStored = await rows(team.id);
    expect(fromStored.items.length).toBeGreaterThan(0);
    expect(fromStored.statusChanges.length).toBeGreaterThan(0);
    expect(fromStored.sprintChanges.length).toBeGreaterThan(0);
    expect(await rows(other.id)).toEqual(fromStored);
  });
});
