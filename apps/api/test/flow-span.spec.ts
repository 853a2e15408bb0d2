import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { flowSpanSchema, problemSchema } from '@bearing/contracts';
import { ClockService } from '../src/common/clock/clock.service.js';
import { createTeam, fixture, importFile, type TestTeam } from './support/delivery-factories.js';
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
 * `GET …/flow/span`: the days a team's items cover, so the flow charts can open where the data
 * is. search-v3.json (worked out from its timestamps, all +01:00): the earliest issue was
 * created 2024-02-20 10:00, the latest status change is 2024-03-14 15:00.
 */
describe('the span of a team’s flow data', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let admin: Browser;
  const spanOf = async (agent: Browser, team: TestTeam) =>
    flowSpanSchema.parse(
      (
        await agent
          .get(`/api/workspaces/${workspace.slug}/teams/${team.slug}/flow/span`)
          .expect(200)
      ).body,
    );

  beforeAll(async () => {
    testApp = await createTestApp();
    // Long after the fixtures' dates, as for a team importing last year's export.
    jest
      .spyOn(testApp.app.get(ClockService), 'now')
      .mockReturnValue(new Date('2026-12-07T10:00:00Z'));
    const user = await createUser(testApp);
    workspace = await createWorkspace(testApp, user);
    admin = await signIn(testApp, user);
  }, 60_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    await testApp.close();
  });

  it('is empty for a team without items', async () => {
    const team = await createTeam(testApp, workspace, { timeZone: 'Europe/Berlin' });
    expect(await spanOf(admin, team)).toEqual({
      timeZone: 'Europe/Berlin',
      today: '2026-12-07',
      items: 0,
      itemsWithHistory: 0,
      first: null,
      last: null,
    });
  });

  it('runs from the first item’s creation to the last status change, in the team’s zone', async () => {
    const team = await createTeam(testApp, workspace, { timeZone: 'Europe/Berlin' });
    await importFile(admin, workspace, team, { file: fixture('search-v3.json') });
    expect(await spanOf(admin, team)).toEqual({
      timeZone: 'Europe/Berlin',
      today: '2026-12-07',
      items: 4,
      itemsWithHistory: 4,
      first: '2024-02-20',
      last: '2024-03-14',
    });
  });

  it('counts days in the team’s time zone: at UTC+14 the last change falls on the next day', async () => {
    // 2024-03-14 15:00 +01:00 = 14:00 UTC = 2024-03-15 04:00 at UTC+14.
    const team = await createTeam(testApp, workspace, { timeZone: 'Pacific/Kiritimati' });
    await importFile(admin, workspace, team, { file: fixture('search-v3.json') });
    const span = await spanOf(admin, team);
    expect(span).toMatchObject({ first: '2024-02-20', last: '2024-03-15', today: '2026-12-08' });
  });

  it('tells items without status history apart (a CSV export)', async () => {
    const team = await createTeam(testApp, workspace);
    await importFile(admin, workspace, team, {
      file: fixture('all-fields.csv'),
      format: 'jira-csv',
    });
    const span = await spanOf(admin, team);
    expect(span.items).toBeGreaterThan(0);
    expect(span.itemsWithHistory).toBe(0);
    expect(span.first).not.toBeNull();
    expect(span.last! >= span.first!).toBe(true);
  });

  it('is readable by a viewer and by nobody outside the workspace', async () => {
    const team = await createTeam(testApp, workspace);
    const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
    expect((await spanOf(viewer, team)).items).toBe(0);

    // Another workspace's admin, naming this team from their own workspace.
    const outsider = await createUser(testApp);
    const theirWorkspace = await createWorkspace(testApp, outsider);
    const refused = await (
      await signIn(testApp, outsider)
    )
      .get(`/api/workspaces/${theirWorkspace.slug}/teams/${team.slug}/flow/span`)
      .expect(404);
    expect(problemSchema.parse(refused.body).status).toBe(404);
  });

  it('answers 404 for a team that does not exist', async () => {
    const response = await admin
      .get(`/api/workspaces/${workspace.slug}/teams/no-such-team/flow/span`)
      .expect(404);
    expect(problemSchema.parse(response.body).status).toBe(404);
  });
});
