import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ClockService } from '../src/common/clock/clock.service.js';
import { NotificationPipeline } from '../src/notifications/notifications.module.js';
import { createTeam, type TestTeam } from './support/delivery-factories.js';
import {
  type Browser,
  createMember,
  createUser,
  createWorkspace,
  signIn,
  type TestUser,
  type TestWorkspace,
} from './support/factories.js';
import { FakeJira } from './support/fake-jira/fake-jira.js';
import {
  connectFake,
  FAKE_EMAIL,
  FAKE_TOKEN,
  putSource,
  syncNow,
} from './support/fake-jira/jira-sync-helpers.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const NOW = new Date('2026-03-02T12:00:00Z');

/**
 * `sync.failed` says a team's data stopped coming from Jira. Nobody follows a team unless they
 * click Follow, so it goes to whoever set the source up too, and to the admins when that reaches
 * no one — never to nobody.
 */
describe('sync.failed audience', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let workspace: TestWorkspace;
  let adminAgent: Browser;
  let jira: FakeJira;
  let connectionId: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    jest.spyOn(testApp.app.get(ClockService), 'now').mockImplementation(() => NOW);
    admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    adminAgent = await signIn(testApp, admin);
    jira = await FakeJira.start({ flavour: 'cloud', email: FAKE_EMAIL, token: FAKE_TOKEN });
    jira.generate({ count: 5 });
    connectionId = await connectFake(adminAgent, workspace, jira);
  });
  afterAll(async () => {
    await testApp.close();
    await jira.close();
  });

  /** The users the team's `sync.failed` was expanded to, once the pipeline ran. */
  const toldOf = async (team: TestTeam): Promise<string[]> => {
    await testApp.app.get(NotificationPipeline).dispatch(NOW);
    const rows: { user_id: string }[] = await testApp.dataSource.query(
      `SELECT DISTINCT d."user_id" FROM "notification_delivery" d
         JOIN "notification_event" e ON e."id" = d."event_id"
        WHERE e."workspace_id" = $1 AND e."event" = 'sync.failed' AND e."data"->>'teamId' = $2
          AND d."channel" = 'inbox'
        ORDER BY d."user_id"`,
      [workspace.id, team.id],
    );
    return rows.map(({ user_id }) => user_id);
  };

  it('tells the editor who set up the source, and the admins once that editor is gone', async () => {
    const setter = await createMember(testApp, workspace, 'editor');
    const leaver = await createMember(testApp, workspace, 'editor');
    const payments = await createTeam(testApp, workspace);
    const ads = await createTeam(testApp, workspace);
    for (const [team, editor] of [
      [payments, setter],
      [ads, leaver],
    ] as const) {
      const agent = await signIn(testApp, editor);
      await putSource(agent, workspace, team, { connectionId, jql: 'project = PAY' });
      expect((await syncNow(agent, workspace, team)).status).toBe('succeeded');
    }
    // Nobody follows either team. The editor who set up Ads leaves the workspace.
    await testApp.dataSource.query(
      `DELETE FROM "membership" WHERE "workspace_id" = $1 AND "user_id" = $2`,
      [workspace.id, leaver.id],
    );

    jira.revokeToken();
    expect((await syncNow(adminAgent, workspace, payments)).status).toBe('failed');
    expect((await syncNow(adminAgent, workspace, ads)).status).toBe('failed');

    expect(await toldOf(payments)).toEqual([setter.id]);
    expect(await toldOf(ads)).toEqual([admin.id]);
  });
});
