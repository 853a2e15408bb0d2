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

  beforeAll(async () => {
    web = await createTestApp({ role: 'web' });
    const user = await createUser(web);
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
});
