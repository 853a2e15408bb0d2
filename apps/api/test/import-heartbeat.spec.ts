import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { importJobPageSchema, importJobSchema } from '@bearing/contracts';
import type { ImportResult } from '@bearing/contracts';
import { markRunning, recordOutcome } from '../src/imports/import-job.repository.js';
import { failedResult } from '../src/imports/import-result.js';
import { ImportsService } from '../src/imports/imports.service.js';
import { createTeam, fixture, importFile, type TestTeam } from './support/delivery-factories.js';
import {
  type Browser,
  createUser,
  createWorkspace,
  signIn,
  type TestWorkspace,
} from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * An import cut off by a stopped server (its transaction rolled back with it) must not read
 * `running` forever: once its heartbeat is a few minutes old, it reads `failed` and says why.
 */
describe('import job heartbeat', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let admin: Browser;
  let team: TestTeam;
  const jobPath = (id: string) => `/api/workspaces/${workspace.slug}/imports/${id}`;

  beforeAll(async () => {
    testApp = await createTestApp();
    const user = await createUser(testApp);
    workspace = await createWorkspace(testApp, user);
    admin = await signIn(testApp, user);
    team = await createTeam(testApp, workspace);
  });
  afterAll(async () => {
    await testApp.close();
  });

  /** A `running` job row as a server would leave it, its last heartbeat `age` ago. */
  async function runningJob(age: string, heartbeat = true): Promise<string> {
    const [row]: { id: string }[] = await testApp.dataSource.query(
      `INSERT INTO import_job (workspace_id, team_id, format, file_name, file_size, status,
                               progress, created_at, heartbeat_at)
       VALUES ($1, $2, 'jira-json', 'export.json', 1234, 'running', 0.4,
               now() - $3::interval, CASE WHEN $4 THEN now() - $3::interval END)
       RETURNING id`,
      [workspace.id, team.id, age, heartbeat],
    );
    if (!row) throw new Error('job not inserted');
    return row.id;
  }

  async function statusOf(id: string): Promise<string> {
    const [row]: { status: string }[] = await testApp.dataSource.query(
      `SELECT status FROM import_job WHERE id = $1`,
      [id],
    );
    return row?.status ?? 'missing';
  }

  it('reads a running job with a stale heartbeat as failed: the server stopped, nothing stored', async () => {
    const id = await runningJob('10 minutes');
    const job = importJobSchema.parse((await admin.get(jobPath(id)).expect(200)).body);
    expect(job).toMatchObject({ status: 'failed', progress: 0, finishedAt: expect.any(String) });
    expect(job.result?.problems).toEqual([
      { message: expect.stringMatching(/server stopped during the import; nothing was stored/) },
    ]);
    expect(await statusOf(id)).toBe('failed');
  });

  it('leaves a running job with a fresh heartbeat running', async () => {
    const id = await runningJob('5 seconds');
    const job = importJobSchema.parse((await admin.get(jobPath(id)).expect(200)).body);
    expect(job).toMatchObject({ status: 'running', progress: 0.4, finishedAt: null });
  });

  it('judges a job from before heartbeats by its creation, also in the history', async () => {
    const stale = await runningJob('1 hour', false);
    const young = await runningJob('30 seconds', false);
    const history = importJobPageSchema.parse(
      (await admin.get(`/api/workspaces/${workspace.slug}/teams/${team.slug}/imports`).expect(200))
        .body,
    );
    const statuses = new Map(history.items.map(({ id, status }) => [id, status]));
    expect(statuses.get(stale)).toBe('failed');
    expect(statuses.get(young)).toBe('running');
  });

  it('fails stale jobs at start-up and spares live ones', async () => {
    const stale = await runningJob('4 minutes');
    const live = await runningJob('1 minute');
    await testApp.app.get(ImportsService).onApplicationBootstrap();
    expect(await statusOf(stale)).toBe('failed');
    expect(await statusOf(live)).toBe('running');
  });

  it('beats while an import writes', async () => {
    const job = await importFile(admin, workspace, team, { file: fixture('search-v3.json') });
    expect(job.status).toBe('completed');
    const [row]: { heartbeat_at: Date | null }[] = await testApp.dataSource.query(
      `SELECT heartbeat_at FROM import_job WHERE id = $1`,
      [job.id],
    );
    expect(row?.heartbeat_at).toBeInstanceOf(Date);
  });

  it('keeps an ended import as it ended: a late attempt can neither restart nor end it again', async () => {
    const id = await runningJob('1 minute');
    const manager = testApp.dataSource.manager;
    const done: ImportResult = { ...failedResult([]), items: 3, created: 3 };
    expect(await recordOutcome(manager, id, 'completed', done)).toBe(true);
    // A retry that took the job over while its first attempt was alive after all, then found
    // the upload gone (the first attempt let go of it on completing).
    expect(await markRunning(manager, id)).toBe(false);
    const failed = failedResult([{ message: 'the uploaded file is gone; nothing was stored' }]);
    expect(await recordOutcome(manager, id, 'failed', failed)).toBe(false);
    expect(await statusOf(id)).toBe('completed');
    const [row]: { result: ImportResult }[] = await testApp.dataSource.query(
      `SELECT result FROM import_job WHERE id = $1`,
      [id],
    );
    expect(row?.result).toEqual(done);
  });
});
