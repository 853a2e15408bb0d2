import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
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
 * A team deleted while a reader rebuilds its flow rows: the rebuild clears the rows and writes
 * them again, and the new rows name the team. Without the team row held before the clearing, a
 * delete could lock the team between the two, cascade into the cleared rows (waiting on the
 * rebuild) while the rebuild's new rows waited on the team: a deadlock, and one of the two
 * answered 500.
 */
describe('deleting a team while its flow rows are rebuilt', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let admin: Browser;
  let team: TestTeam;

  beforeAll(async () => {
    testApp = await createTestApp();
    const user = await createUser(testApp);
    workspace = await createWorkspace(testApp, user);
    admin = await signIn(testApp, user);
    team = await createTeam(testApp, workspace);
    const job = await importFile(admin, workspace, team, { file: fixture('search-v3.json') });
    expect(job).toMatchObject({ status: 'completed' });
  }, 120_000);
  afterAll(async () => {
    await testApp.close();
  });

  /** Until `count` sessions of this database wait on a lock. */
  async function waitUntilWaiting(count: number): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [row]: { n: number }[] = await testApp.dataSource.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if ((row?.n ?? 0) >= count) return;
      if (Date.now() > deadline) throw new Error(`fewer than ${count} sessions waited`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('waits for the rebuild, then deletes; the reader gets its answer', async () => {
    const base = `/api/workspaces/${workspace.slug}/teams/${team.slug}`;
    const [days]: { n: number }[] = await testApp.dataSource.query(
      'SELECT count(*)::int AS n FROM team_flow_day WHERE team_id = $1',
      [team.id],
    );
    expect(days?.n).toBeGreaterThan(0);
    // The rows are out of date, so the next reader rebuilds them.
    await testApp.dataSource.query(
      `UPDATE team_flow_model SET stamp = 'stale' WHERE team_id = $1`,
      [team.id],
    );

    // Holds one of the team's day rows, so the rebuild stops between clearing its item rows
    // and writing them again — the moment a delete used to slip in.
    const blocker = testApp.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    try {
      await blocker.query('SELECT 1 FROM team_flow_day WHERE team_id = $1 LIMIT 1 FOR UPDATE', [
        team.id,
      ]);
      const reading = admin
        .get(`${base}/flow/throughput?from=2024-01-01&to=2024-12-31&interval=week`)
        .then((response) => response);
      await waitUntilWaiting(1);
      const deleting = admin.delete(base).then((response) => response);
      await waitUntilWaiting(2);
      await blocker.commitTransaction();

      const [read, deleted] = await Promise.all([reading, deleting]);
      expect({ status: read.status, body: read.status === 200 ? 'answer' : read.body }).toEqual({
        status: 200,
        body: 'answer',
      });
      expect({ status: deleted.status, body: deleted.body as unknown }).toEqual({
        status: 204,
        body: {},
      });
    } finally {
      if (blocker.isTransactionActive) await blocker.rollbackTransaction();
      await blocker.release();
    }
    await admin.get(base).expect(404);
  }, 120_000);
});
