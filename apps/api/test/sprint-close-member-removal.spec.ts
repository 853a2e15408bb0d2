import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sprintAvailabilitySchema, sprintSchema, teamMemberSchema } from '@bearing/contracts';
import { lockTeamMember, removeTeamMember } from '../src/teams/team-member.repository.js';
import { createTeam } from './support/delivery-factories.js';
import {
  type Browser,
  createMember,
  createUser,
  createWorkspace,
  signIn,
  type TestWorkspace,
} from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * A sprint closing while a member of its team is being removed. Closing freezes the sprint's
 * roster: a row for every member of that moment. A removal that had not committed yet when the
 * roster was read used to make the close fail on the removed member's foreign key (500), the
 * sprint left open; the close now waits for the removal and freezes the members left.
 */
describe('closing a sprint while a team member is removed', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let editor: Browser;

  beforeAll(async () => {
    testApp = await createTestApp();
    workspace = await createWorkspace(testApp, await createUser(testApp));
    editor = await signIn(testApp, await createMember(testApp, workspace, 'editor'));
  }, 60_000);
  afterAll(async () => {
    await testApp.close();
  });

  /** Until a session of this database waits on a lock. */
  async function waitUntilWaiting(): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [row]: { n: number }[] = await testApp.dataSource.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if ((row?.n ?? 0) >= 1) return;
      if (Date.now() > deadline) throw new Error('nothing waited on a lock');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('waits for the removal and closes with the members left', async () => {
    const team = await createTeam(testApp, workspace);
    const teamPath = `/api/workspaces/${workspace.slug}/teams/${team.slug}`;
    const addMember = async (displayName: string) =>
      teamMemberSchema.parse(
        (await editor.post(`${teamPath}/members`).send({ displayName }).expect(201)).body,
      );
    await addMember('Ana');
    const ben = await addMember('Ben');
    const sprint = sprintSchema.parse(
      (
        await editor
          .post(`${teamPath}/sprints`)
          .send({ name: 'S', start: '2024-03-04T08:00:00Z', end: '2024-03-15T17:00:00Z' })
          .expect(201)
      ).body,
    );

    // Ben's removal, as the remove route does it, held open while the sprint closes.
    const removal = testApp.dataSource.createQueryRunner();
    await removal.connect();
    await removal.startTransaction();
    try {
      expect(await lockTeamMember(removal.manager, team.id, ben.id)).not.toBeNull();
      await removeTeamMember(removal.manager, { id: ben.id, teamId: team.id });
      const closing = editor
        .patch(`${teamPath}/sprints/${sprint.id}`)
        .send({ state: 'closed', version: sprint.version })
        .then((response) => response);
      await waitUntilWaiting();
      await removal.commitTransaction();

      const closed = await closing;
      expect({ status: closed.status, state: (closed.body as { state?: string }).state }).toEqual({
        status: 200,
        state: 'closed',
      });
    } finally {
      if (removal.isTransactionActive) await removal.rollbackTransaction();
      await removal.release();
    }
    const roster = sprintAvailabilitySchema.parse(
      (await editor.get(`${teamPath}/sprints/${sprint.id}/availability`).expect(200)).body,
    );
    expect(roster.members.map((member) => member.displayName)).toEqual(['Ana']);
  }, 60_000);
});
