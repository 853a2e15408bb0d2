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
 * An import that fails on the worker publishes `import.failed` with the failure it records, to
 * the editors who follow the team: a `web` process queues the upload, its stored file is lost,
 * and the `worker` that runs the job records "the uploaded file is gone".
 */
describe('import.failed', () => {
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
    team = await createTeam(web, workspace, { name: 'Payments' });
  });
  afterAll(async () => {
    await worker?.app.close();
    await web.close();
  });

  it('is published once, in the transaction that records the failure', async () => {
    const queued = importJobSchema.parse(
      (
        await uploadImport(admin, workspace, team, {
          file: fixture('search-v3.json'),
          fileName: 'march.json',
        }).expect(202)
      ).body,
    );
    await web.dataSource.query(`DELETE FROM "import_upload" WHERE "import_job_id" = $1`, [
      queued.id,
    ]);
    const url = (web.dataSource.options as { url: string }).url;
    const dataSource = new DataSource(dataSourceOptions(url));
    await dataSource.initialize();
    worker = { app: await createApp({ ...testConfig, role: 'worker' }, dataSource), dataSource };

    const failed = await waitForImport(admin, workspace, queued.id);
    expect(failed.status).toBe('failed');
    const events: {
      subject_id: string;
      title: string;
      body: string;
      path: string;
      audience: object;
    }[] = await web.dataSource.query(
      `SELECT "subject_id", "title", "body", "path", "audience" FROM "notification_event"
          WHERE "workspace_id" = $1 AND "event" = 'import.failed'`,
      [workspace.id],
    );
    expect(events).toEqual([
      {
        subject_id: queued.id,
        title: 'Payments: import of march.json failed',
        body: 'The import of march.json into Payments failed: the uploaded file is gone; nothing was stored.',
        path: `/w/${workspace.slug}/teams/${team.slug}?tab=import`,
        audience: { followersOf: [{ type: 'team', id: team.id }], editorsOnly: true },
      },
    ]);
  });
});
