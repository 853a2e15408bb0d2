import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  jest,
} from '@jest/globals';
import { jiraSourceSchema, syncRunSchema } from '@bearing/contracts';
import { ClockService } from '../src/common/clock/clock.service.js';
import { refreshTeamFlow } from '../src/delivery/flow-read-model/flow-read-model.service.js';
import { JiraSyncService } from '../src/jira-sync/jira-sync.service.js';
import {
  claimRun,
  finishRun,
  holdRunLease,
  insertQueuedRun,
  renewRun,
  type RunLease,
} from '../src/jira-sync/sync-run.repository.js';
import { Scheduler } from '../src/jobs/jobs.module.js';
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
  waitForRun,
  withoutIds,
} from './support/fake-jira/jira-sync-helpers.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Polls `condition` (state, not time) until it holds. */
async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition never held');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** After the fake's project: every sync test pins the app's clock here. */
const NOW = new Date('2026-03-02T12:00:00Z');

describe('Jira sync', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let workspace: TestWorkspace;
  let agent: Browser;
  const fakes: FakeJira[] = [];

  const fake = async (options: Partial<ConstructorParameters<typeof FakeJira>[0]> = {}) => {
    const jira = await FakeJira.start({
      flavour: 'cloud',
      email: FAKE_EMAIL,
      token: FAKE_TOKEN,
      ...options,
    });
    fakes.push(jira);
    return jira;
  };
  const base = () => `/api/workspaces/${workspace.slug}`;
  const teamPath = (team: TestTeam) => `${base()}/teams/${team.slug}`;
  /**
   * Deletes the team's source once its test is done: its fake Jira closes after the test, and a
   * source left behind is due at a later test's scheduler tick, where its sync holds a queue
   * worker retrying a Jira that is gone.
   */
  const retire = async (team: TestTeam) => {
    await agent.delete(`${teamPath(team)}/source`).expect(204);
  };

  /** The flow and sprint numbers a dashboard shows for the team, without ids. */
  const numbersOf = async (team: TestTeam) => {
    const range = 'from=2026-01-01&to=2026-03-02';
    const cycleTimes = await agent.get(`${teamPath(team)}/flow/cycle-times?${range}`).expect(200);
    const throughput = await agent.get(`${teamPath(team)}/flow/throughput?${range}`).expect(200);
    const cfd = await agent.get(`${teamPath(team)}/flow/cfd?${range}`).expect(200);
    const velocity = await agent.get(`${teamPath(team)}/velocity?window=3`).expect(200);
    const sprints = await agent.get(`${teamPath(team)}/sprints?limit=200`).expect(200);
    const burndowns: Record<string, unknown> = {};
    for (const sprint of (sprints.body as { items: { id: string; name: string }[] }).items) {
      const burndown = await agent.get(`${teamPath(team)}/sprints/${sprint.id}/burndown`);
      burndowns[sprint.name] = { status: burndown.status, body: withoutIds(burndown.body) };
    }
    return withoutIds({
      cycleTimes: cycleTimes.body,
      throughput: throughput.body,
      cfd: cfd.body,
      velocity: velocity.body,
      sprints: (sprints.body as { items: unknown[] }).items,
      burndowns,
    });
  };

  /** The team's stored items and their history, as rows, without ids. */
  const rowsOf = async (team: TestTeam): Promise<unknown[]> =>
    testApp.dataSource.query<unknown[]>(
      `SELECT item.key, item.type, item.title, item.points, item.initial_points, item.created_at,
              item.status, item.initial_status, item.resolved_at, item.fields_digest,
              item.history_digest, item.removed_at IS NOT NULL AS removed,
              (SELECT json_agg(json_build_array(c.at, c.from_status, c.to_status) ORDER BY c.seq)
                 FROM work_item_status_change c WHERE c.work_item_id = item.id) AS statuses
         FROM work_item item WHERE item.team_id = $1 AND item.removed_at IS NULL
        ORDER BY item.key`,
      [team.id],
    );

  beforeAll(async () => {
    testApp = await createTestApp();
    jest.spyOn(testApp.app.get(ClockService), 'now').mockImplementation(() => NOW);
    admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    agent = await signIn(testApp, admin);
  });

  beforeEach(() => {
    jest.spyOn(testApp.app.get(ClockService), 'now').mockImplementation(() => NOW);
  });

  afterEach(async () => {
    testApp.app.get(JiraSyncService).queuedRunOptions = {};
    await Promise.all(fakes.splice(0).map((jira) => jira.close()));
  });

  afterAll(async () => {
    await testApp.close();
  });

  describe('connections', () => {
    it('are created by admins, shown to viewers without the token, and tested against Jira', async () => {
      const jira = await fake();
      const id = await connectFake(agent, workspace, jira, 'Cloud site');
      const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
      const listed = await viewer.get(`${base()}/jira-connections`).expect(200);
      const connection = (listed.body as { items: Record<string, unknown>[] }).items.find(
        (item) => item.id === id,
      );
      expect(connection).toMatchObject({
        name: 'Cloud site',
        baseUrl: jira.url,
        flavour: 'cloud',
        email: FAKE_EMAIL,
        hasSecret: true,
      });
      expect(JSON.stringify(listed.body)).not.toContain(FAKE_TOKEN);

      const tested = await agent.post(`${base()}/jira-connections/${id}/test`).expect(200);
      expect(tested.body).toEqual({
        ok: true,
        user: 'Sync Robot',
        serverVersion: '1001.0.0-SNAPSHOT',
      });

      // A PATCH without `secret` keeps the token: the test still passes.
      await agent.patch(`${base()}/jira-connections/${id}`).send({ name: 'Renamed' }).expect(200);
      await agent.post(`${base()}/jira-connections/${id}/test`).expect(200, {
        ok: true,
        user: 'Sync Robot',
        serverVersion: '1001.0.0-SNAPSHOT',
      });

      const fields = await agent.get(`${base()}/jira-connections/${id}/fields`).expect(200);
      expect(fields.body.items).toContainEqual({
        id: 'customfield_10016',
        name: 'Story Points',
        custom: true,
        type: 'number',
      });
    });

    it('report what is wrong in words: 401, 403, unknown host, nothing listening', async () => {
      const jira = await fake();
      const wrong = await agent
        .post(`${base()}/jira-connections`)
        .send({
          name: 'Wrong token',
          baseUrl: jira.url,
          flavour: 'cloud',
          email: FAKE_EMAIL,
          secret: 'nope',
        })
        .expect(201);
      const unauthorized = await agent
        .post(`${base()}/jira-connections/${wrong.body.id}/test`)
        .expect(200);
      expect(unauthorized.body).toEqual({
        ok: false,
        error: { kind: 'unauthorized', message: expect.stringContaining('401') },
      });

      const id = await connectFake(agent, workspace, jira);
      jira.failNext(1, 403);
      const forbidden = await agent.post(`${base()}/jira-connections/${id}/test`).expect(200);
      expect(forbidden.body.error).toEqual({
        kind: 'forbidden',
        message: expect.stringContaining('403'),
      });

      const unknownHost = await agent
        .post(`${base()}/jira-connections`)
        .send({
          name: 'Nowhere',
          baseUrl: 'https://jira.nowhere.invalid',
          flavour: 'data-center',
          secret: 'x',
        })
        .expect(201);
      const dns = await agent
        .post(`${base()}/jira-connections/${unknownHost.body.id}/test`)
        .expect(200);
      expect(dns.body.error.kind).toBe('unknown-host');

      const closed = await fake();
      const closedUrl = closed.url;
      await closed.close();
      const refused = await agent
        .post(`${base()}/jira-connections`)
        .send({ name: 'Stopped', baseUrl: closedUrl, flavour: 'data-center', secret: 'x' })
        .expect(201);
      const unreachable = await agent
        .post(`${base()}/jira-connections/${refused.body.id}/test`)
        .expect(200);
      expect(unreachable.body.error.kind).toBe('unreachable');
    });

    it('refuse bad fields with a 400 naming them, and members below admin with 403', async () => {
      const bad = await agent
        .post(`${base()}/jira-connections`)
        .send({ name: 'X', baseUrl: 'ftp://jira.example.com', flavour: 'cloud', secret: 'x' })
        .expect(400);
      const paths = (bad.body.errors as { path: string }[]).map((error) => error.path);
      expect(paths).toEqual(expect.arrayContaining(['baseUrl', 'email']));
      const editor = await signIn(testApp, await createMember(testApp, workspace, 'editor'));
      await editor
        .post(`${base()}/jira-connections`)
        .send({
          name: 'X',
          baseUrl: 'https://jira.example.com',
          flavour: 'data-center',
          secret: 'x',
        })
        .expect(403);
    });

    it('cannot be deleted while a source uses them (409)', async () => {
      const jira = await fake();
      const id = await connectFake(agent, workspace, jira);
      const team = await createTeam(testApp, workspace);
      await putSource(agent, workspace, team, { connectionId: id, jql: 'project = PAY' });
      await agent.delete(`${base()}/jira-connections/${id}`).expect(409);
      await agent.delete(`${teamPath(team)}/source`).expect(204);
      await agent.delete(`${base()}/jira-connections/${id}`).expect(204);
    });
  });

  describe('a team source', () => {
    it('is saved by editors, shows its webhook address once, and maps statuses into the workflow', async () => {
      const jira = await fake();
      const id = await connectFake(agent, workspace, jira);
      const team = await createTeam(testApp, workspace);
      await agent
        .put(`${teamPath(team)}/source`)
        .send({ connectionId: id })
        .expect(400);
      const unknownStage = await agent
        .put(`${teamPath(team)}/source`)
        .send({ connectionId: id, jql: 'project = PAY', statuses: { Blocked: 'Nowhere' } })
        .expect(400);
      expect(unknownStage.body.errors[0].path).toBe('statuses.Blocked');
      await agent
        .put(`${teamPath(team)}/source`)
        .send({ connectionId: id, jql: 'project = PAY', intervalMinutes: 10 })
        .expect(400);

      const created = jiraSourceSchema.parse(
        await putSource(agent, workspace, team, {
          connectionId: id,
          jql: 'project = PAY',
          statuses: { Blocked: 'In Progress' },
        }),
      );
      expect(created).toMatchObject({
        intervalMinutes: 30,
        enabled: true,
        state: 'ok',
        lastSyncAt: null,
      });
      expect(created.webhookUrl).toMatch(
        new RegExp(`^http://bearing\\.test/api/hooks/jira/${created.id}/[\\w-]{20,}$`),
      );
      const read = await agent.get(`${teamPath(team)}/source`).expect(200);
      expect(read.body.webhookUrl).toBeUndefined();
      const replaced = await putSource(agent, workspace, team, {
        connectionId: id,
        jql: 'project = PAY',
      });
      expect(replaced.webhookUrl).toBeUndefined();
      expect(replaced.id).toBe(created.id);

      const teamNow = await agent.get(teamPath(team)).expect(200);
      const inProgress = (
        teamNow.body.workflow.stages as { name: string; statuses: string[] }[]
      ).find((stage) => stage.name === 'In Progress');
      expect(inProgress?.statuses).toContain('Blocked');
      await retire(team);
    });
  });

  describe('a team source saved by two editors', () => {
    it('refuses a save from a version someone else saved since (409), and changes nothing', async () => {
      const jira = await fake();
      const id = await connectFake(agent, workspace, jira);
      const team = await createTeam(testApp, workspace);
      const created = jiraSourceSchema.parse(
        await putSource(agent, workspace, team, { connectionId: id, jql: 'project = PAY' }),
      );
      expect(created.version).toBe(1);
      // Both editors opened version 1; the first to save moves it on.
      const first = jiraSourceSchema.parse(
        await putSource(agent, workspace, team, {
          connectionId: id,
          jql: 'project = PAY AND type = Bug',
          version: 1,
        }),
      );
      expect(first.version).toBe(2);
      const second = await agent
        .put(`${teamPath(team)}/source`)
        .send({ connectionId: id, jql: 'project = ADS', intervalMinutes: 60, version: 1 })
        .expect(409);
      expect(second.body).toMatchObject({
        type: 'https://bearing.dev/problems/stale-version',
        detail: expect.stringContaining('Jira source'),
      });
      const stored = await agent.get(`${teamPath(team)}/source`).expect(200);
      expect(stored.body).toMatchObject({
        jql: 'project = PAY AND type = Bug',
        intervalMinutes: 30,
        version: 2,
      });
      // A sync changes the source's state, not its version: the editor's save still holds.
      await syncNow(agent, workspace, team);
      expect((await agent.get(`${teamPath(team)}/source`).expect(200)).body.version).toBe(2);
      await putSource(agent, workspace, team, {
        connectionId: id,
        jql: 'project = PAY',
        version: 2,
      });

      // A source removed meanwhile is not set up again from the old form.
      await retire(team);
      const removed = await agent
        .put(`${teamPath(team)}/source`)
        .send({ connectionId: id, jql: 'project = PAY', version: 3 })
        .expect(409);
      expect(removed.body.detail).toContain('was removed since you loaded it');
      await agent.get(`${teamPath(team)}/source`).expect(404);
    });
  });

  describe('syncing', () => {
    it('fills the team on the first sync and writes nothing when nothing changed', async () => {
      const jira = await fake({ inlineHistories: 3 });
      jira.generate({ count: 230, historiesPerIssue: 8 });
      const id = await connectFake(agent, workspace, jira);
      const team = await createTeam(testApp, workspace);
      await putSource(agent, workspace, team, {
        connectionId: id,
        jql: 'project = PAY',
        boardId: 7,
      });

      const first = await syncNow(agent, workspace, team);
      expect(first).toMatchObject({
        status: 'succeeded',
        trigger: 'manual',
        mode: 'full',
        pages: 3,
        counts: { created: 230, updated: 0, unchanged: 0, removed: 0 },
        error: null,
      });
      // Long changelogs were completed through /changelog, at most four at a time.
      expect(jira.count(/\/issue\/PAY-\d+\/changelog/)).toBeGreaterThan(0);
      expect(first.requests).toBe(jira.requests.length);

      const source = await agent.get(`${teamPath(team)}/source`).expect(200);
      expect(source.body).toMatchObject({
        state: 'ok',
        lastSyncAt: NOW.toISOString(),
        lastError: null,
      });
      const sprints = await agent.get(`${teamPath(team)}/sprints`).expect(200);
      expect((sprints.body.items as { name: string }[]).map((sprint) => sprint.name)).toContain(
        'PAY Sprint 1',
      );

      const before = await testApp.dataSource.query(
        `SELECT xmin::text AS version FROM work_item WHERE team_id = $1 ORDER BY key`,
        [team.id],
      );
      const second = await syncNow(agent, workspace, team);
      expect(second).toMatchObject({ status: 'succeeded', mode: 'incremental' });
      expect(second.counts.created + second.counts.updated + second.counts.removed).toBe(0);
      const after = await testApp.dataSource.query(
        `SELECT xmin::text AS version FROM work_item WHERE team_id = $1 ORDER BY key`,
        [team.id],
      );
      expect(after).toEqual(before);
      // Assignees are never stored.
      const stored = JSON.stringify(await rowsOf(team));
      expect(stored).not.toContain('Alex Assignee');
      await retire(team);
    });

    it('incrementally gives exactly the rows and numbers a full sync of the final state gives', async () => {
      const jira = await fake({ inlineHistories: 4, timeZone: 'America/Los_Angeles' });
      jira.generate({ count: 260, historiesPerIssue: 10 });
      const id = await connectFake(agent, workspace, jira);
      const incremental = await createTeam(testApp, workspace, { name: 'Incremental' });
      await putSource(agent, workspace, incremental, {
        connectionId: id,
        jql: 'project = PAY',
        boardId: 7,
      });
      expect((await syncNow(agent, workspace, incremental)).status).toBe('succeeded');

      // Jira moves on: transitions, estimates, sprint moves, a new issue and one that left.
      jira.now = new Date('2026-03-02T10:00:00Z');
      jira.transition('PAY-3', 'Done');
      jira.estimate('PAY-17', 13);
      jira.moveToSprint('PAY-40', 103);
      jira.create('PAY-999', 'Found late');
      jira.remove('PAY-5');
      // Edits between pages, 429s with Retry-After and intermittent 500s on the way.
      jira.onSearchPage = (page) => {
        if (page === 1) {
          jira.now = new Date('2026-03-02T10:05:00Z');
          jira.transition('PAY-8', 'In Review');
        }
      };
      jira.failNext(1, 429, '1');
      jira.failIntermittently(7);
      const sleeps: number[] = [];
      testApp.app.get(JiraSyncService).queuedRunOptions = {
        sleep: (ms) => {
          sleeps.push(ms);
          return Promise.resolve();
        },
      };
      const second = await syncNow(agent, workspace, incremental);
      expect(second).toMatchObject({ status: 'succeeded', mode: 'incremental', error: null });
      expect(second.retries).toBeGreaterThan(0);
      expect(sleeps[0]).toBe(1000);
      expect(second.counts.removed).toBe(0); // found at the next key reconciliation
      jira.onSearchPage = undefined;
      jira.failIntermittently(0);

      // The periodic reconciliation (hours later) finds the issue that left.
      const later = new Date(NOW.getTime() + 7 * 3_600_000);
      jest.spyOn(testApp.app.get(ClockService), 'now').mockImplementation(() => later);
      const third = await syncNow(agent, workspace, incremental);
      const removed = await testApp.dataSource.query(
        `SELECT key FROM work_item WHERE team_id = $1 AND removed_at IS NOT NULL`,
        [incremental.id],
      );
      expect(removed).toEqual([{ key: 'PAY-5' }]);
      expect(third.counts.removed).toBe(1);
      jest.spyOn(testApp.app.get(ClockService), 'now').mockImplementation(() => NOW);

      const full = await createTeam(testApp, workspace, { name: 'Full' });
      await putSource(agent, workspace, full, {
        connectionId: id,
        jql: 'project = PAY',
        boardId: 7,
      });
      expect((await syncNow(agent, workspace, full)).mode).toBe('full');

      const incrementalRows = await rowsOf(incremental);
      expect(incrementalRows).toHaveLength(260);
      expect(incrementalRows).toEqual(await rowsOf(full));
      expect(await numbersOf(incremental)).toEqual(await numbersOf(full));
      await retire(incremental);
      await retire(full);
    });

    it('on Data Center reads the board filter and pages by startAt', async () => {
      const jira = await fake({ flavour: 'data-center', email: undefined, inlineHistories: 5 });
      jira.generate({ count: 150, historiesPerIssue: 9 });
      const id = await connectFake(agent, workspace, jira);
      const team = await createTeam(testApp, workspace);
      await putSource(agent, workspace, team, { connectionId: id, boardId: 7 });
      const run = await syncNow(agent, workspace, team);
      expect(run).toMatchObject({ status: 'succeeded', counts: { created: 150 } });
      expect(jira.count(/\/rest\/agile\/1\.0\/board\/7\/configuration/)).toBe(1);
      expect(jira.count(/POST \/rest\/api\/2\/search/)).toBeGreaterThanOrEqual(2);
      await retire(team);
    });

    it('never marks removed a live issue that an edit during the key listing shifted between pages', async () => {
      // Data Center with small pages: the listing takes three, the last two fetched at once.
      const jira = await fake({ flavour: 'data-center', email: undefined, pageLimit: 50 });
      jira.generate({ count: 150, historiesPerIssue: 6 });
      const id = await connectFake(agent, workspace, jira);
      const team = await createTeam(testApp, workspace);
      await putSource(agent, workspace, team, { connectionId: id, jql: 'project = PAY' });
      // Once the listing's first page is cut, one of its issues is edited: ordered by `updated`
      // it would jump to the end, and the next page would begin one issue late.
      let edited = false;
      jira.onSearchPage = (_page, search) => {
        if (edited || search.fields.join() !== 'updated') return;
        edited = true;
        jira.now = new Date('2026-03-02T10:00:00Z');
        jira.transition('PAY-1', 'Done');
      };
      const run = await syncNow(agent, workspace, team);
      jira.onSearchPage = undefined;
      expect(edited).toBe(true);
      expect(run).toMatchObject({
        status: 'succeeded',
        mode: 'full',
        counts: { created: 150, removed: 0 },
      });
      const removed = await testApp.dataSource.query(
        `SELECT key FROM work_item WHERE team_id = $1 AND removed_at IS NOT NULL`,
        [team.id],
      );
      expect(removed).toEqual([]);
      await retire(team);
    });

    it('restores an item marked removed once Jira lists it again, even unchanged', async () => {
      const jira = await fake();
      jira.generate({ count: 30, historiesPerIssue: 6 });
      const id = await connectFake(agent, workspace, jira);
      const team = await createTeam(testApp, workspace);
      await putSource(agent, workspace, team, { connectionId: id, jql: 'project = PAY' });
      expect((await syncNow(agent, workspace, team)).status).toBe('succeeded');
      const rows = await rowsOf(team);
      const numbers = await numbersOf(team);

      // Marked removed as a listing that missed it once did; Jira still has it, unchanged.
      await testApp.dataSource.query(
        `UPDATE work_item SET removed_at = $2 WHERE team_id = $1 AND key = 'PAY-7'`,
        [team.id, NOW],
      );
      await testApp.dataSource.transaction((manager) =>
        refreshTeamFlow(manager, workspace.id, team.id),
      );
      expect(await rowsOf(team)).toHaveLength(29);
      expect(await numbersOf(team)).not.toEqual(numbers);

      // The next key reconciliation (hours later, an incremental sync) lists it again.
      const later = new Date(NOW.getTime() + 7 * 3_600_000);
      jest.spyOn(testApp.app.get(ClockService), 'now').mockImplementation(() => later);
      const run = await syncNow(agent, workspace, team);
      jest.spyOn(testApp.app.get(ClockService), 'now').mockImplementation(() => NOW);
      expect(run).toMatchObject({ status: 'succeeded', mode: 'incremental' });
      expect(await rowsOf(team)).toEqual(rows);
      expect(await numbersOf(team)).toEqual(numbers);
      await retire(team);
    });

    it('keeps "read everything again" when the selection is saved while a sync runs', async () => {
      const jira = await fake();
      jira.generate({ count: 40, historiesPerIssue: 6 });
      jira.generate({ project: 'ADS', count: 20, historiesPerIssue: 6, sprintCount: 0 });
      const id = await connectFake(agent, workspace, jira);
      const team = await createTeam(testApp, workspace);
      await putSource(agent, workspace, team, { connectionId: id, jql: 'project = PAY' });
      expect(await syncNow(agent, workspace, team)).toMatchObject({
        mode: 'full',
        counts: { created: 40 },
      });

      // An incremental sync is under way when an editor widens the JQL to a second project,
      // whose issues are all older than the watermark.
      jira.now = new Date('2026-03-02T10:00:00Z');
      jira.transition('PAY-3', 'Done');
      let saved = false;
      testApp.app.get(JiraSyncService).queuedRunOptions = {
        afterPage: async () => {
          if (saved) return;
          saved = true;
          await putSource(agent, workspace, team, {
            connectionId: id,
            jql: 'project in (PAY, ADS)',
          });
        },
      };
      const during = await syncNow(agent, workspace, team);
      testApp.app.get(JiraSyncService).queuedRunOptions = {};
      expect(saved).toBe(true);
      expect(during).toMatchObject({ status: 'succeeded', mode: 'incremental' });
      const [state] = await testApp.dataSource.query(
        `SELECT watermark, reconciled_at FROM team_source WHERE team_id = $1`,
        [team.id],
      );
      expect(state).toEqual({ watermark: null, reconciled_at: null });

      // The next sync reads everything the new JQL selects, the older issues included.
      const next = await syncNow(agent, workspace, team);
      expect(next).toMatchObject({ status: 'succeeded', mode: 'full', counts: { created: 20 } });
      const [items] = await testApp.dataSource.query(
        `SELECT count(*)::int AS count FROM work_item WHERE team_id = $1 AND removed_at IS NULL`,
        [team.id],
      );
      expect(items.count).toBe(60);
      await retire(team);
    });

    it('marks the source broken when Jira revokes the token, pauses its schedule, and audits it', async () => {
      const jira = await fake();
      jira.generate({ count: 20 });
      const id = await connectFake(agent, workspace, jira);
      const team = await createTeam(testApp, workspace);
      await putSource(agent, workspace, team, { connectionId: id, jql: 'project = PAY' });
      expect((await syncNow(agent, workspace, team)).status).toBe('succeeded');

      jira.revokeToken();
      const failed = await syncNow(agent, workspace, team);
      expect(failed).toMatchObject({ status: 'failed', error: expect.stringContaining('401') });
      const source = await agent.get(`${teamPath(team)}/source`).expect(200);
      expect(source.body).toMatchObject({
        state: 'broken',
        lastError: expect.stringContaining('401'),
        failingSince: NOW.toISOString(),
      });
      const audit = await agent.get(`${base()}/audit-events?limit=20`).expect(200);
      expect((audit.body.items as { action: string }[]).map((event) => event.action)).toContain(
        'team-source.broken',
      );

      // Editors who follow the team hear of it through the outbox; the token is in no event.
      const events: { title: string; body: string }[] = await testApp.dataSource.query(
        `SELECT title, body FROM notification_event WHERE workspace_id = $1 AND event = 'sync.failed'`,
        [workspace.id],
      );
      expect(events).toEqual([
        { title: `${team.name}: Jira sync stopped`, body: expect.stringContaining('401') },
      ]);
      expect(JSON.stringify(events)).not.toContain(FAKE_TOKEN);

      // Due by its interval, but paused: the scheduler queues nothing for it.
      const later = new Date(NOW.getTime() + 2 * 3_600_000);
      jest.spyOn(testApp.app.get(ClockService), 'now').mockImplementation(() => later);
      await testApp.app.get(JiraSyncService).startDue(later);
      jest.spyOn(testApp.app.get(ClockService), 'now').mockImplementation(() => NOW);
      const runs = await agent.get(`${teamPath(team)}/source/runs`).expect(200);
      expect(runs.body.items).toHaveLength(2);

      // Saving the source again is the fix: it is ok and syncs on schedule.
      await putSource(agent, workspace, team, { connectionId: id, jql: 'project = PAY' });
      expect((await agent.get(`${teamPath(team)}/source`).expect(200)).body.state).toBe('ok');
    });

    it('resumes the broken sources of a connection once its token is saved, and syncs them', async () => {
      const jira = await fake();
      jira.generate({ count: 20 });
      const id = await connectFake(agent, workspace, jira);
      const team = await createTeam(testApp, workspace);
      await putSource(agent, workspace, team, { connectionId: id, jql: 'project = PAY' });
      expect((await syncNow(agent, workspace, team)).status).toBe('succeeded');
      jira.revokeToken();
      expect((await syncNow(agent, workspace, team)).status).toBe('failed');
      expect((await agent.get(`${teamPath(team)}/source`).expect(200)).body.state).toBe('broken');

      // A rename is no fix: the source stays paused.
      await agent.patch(`${base()}/jira-connections/${id}`).send({ name: 'Renamed' }).expect(200);
      expect((await agent.get(`${teamPath(team)}/source`).expect(200)).body.state).toBe('broken');

      // The admin pastes the new token into the connection, as the notice says.
      const rotated = 'ATATT3xFfGF0-fake-jira-token-rotated';
      jira.acceptToken(rotated);
      await agent.patch(`${base()}/jira-connections/${id}`).send({ secret: rotated }).expect(200);
      const runs = await agent.get(`${teamPath(team)}/source/runs`).expect(200);
      expect(runs.body.items).toHaveLength(3);
      // Every run is stamped with the test's clock: the new one is the one not ended yet.
      const started = (runs.body.items as { id: string; status: string }[]).filter(
        (run) => run.status === 'queued' || run.status === 'running',
      );
      expect(started).toHaveLength(1);
      const resumed = await waitForRun(agent, workspace, team, started[0]?.id ?? '');
      expect(resumed).toMatchObject({ trigger: 'manual', status: 'succeeded' });
      expect((await agent.get(`${teamPath(team)}/source`).expect(200)).body).toMatchObject({
        state: 'ok',
        lastError: null,
        failingSince: null,
      });
      const [audit] = await testApp.dataSource.query<{ details: unknown }[]>(
        `SELECT details FROM audit_event
          WHERE workspace_id = $1 AND action = 'jira-connection.updated' AND target_id = $2
            AND details->'changed' @> '["secret"]'`,
        [workspace.id, id],
      );
      expect(audit?.details).toEqual({ changed: ['secret'], resumedSources: 1 });
      expect(JSON.stringify(audit)).not.toContain(rotated);
      await retire(team);
    });

    it('does not break a source over a run that was refused with the token replaced while it ran, and syncs with the new one', async () => {
      const jira = await fake();
      jira.generate({ count: 10 });
      const id = await connectFake(agent, workspace, jira);
      const team = await createTeam(testApp, workspace);
      await putSource(agent, workspace, team, { connectionId: id, jql: 'project = PAY' });
      const first = await syncNow(agent, workspace, team);
      expect(first.status).toBe('succeeded');

      // The token is revoked while a sync is on its way to Jira with it.
      jira.revokeToken();
      const gate = jira.holdRequests();
      const requested = await agent.post(`${teamPath(team)}/source/sync`).expect(202);
      const inFlight = syncRunSchema.parse(requested.body).id;
      const deadline = Date.now() + 60_000;
      while (gate.waiting() === 0) {
        if (Date.now() > deadline) throw new Error('the sync never reached Jira');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // The admin pastes the new token meanwhile; the run still holds the old one.
      const rotated = 'ATATT3xFfGF0-fake-jira-token-pasted-mid-run';
      jira.acceptToken(rotated);
      await agent.patch(`${base()}/jira-connections/${id}`).send({ secret: rotated }).expect(200);
      gate.release();

      expect((await waitForRun(agent, workspace, team, inFlight)).status).toBe('failed');
      const runs = await agent.get(`${teamPath(team)}/source/runs`).expect(200);
      const next = (runs.body.items as { id: string }[]).filter(
        (run) => run.id !== inFlight && run.id !== first.id,
      );
      expect(next).toHaveLength(1);
      expect(await waitForRun(agent, workspace, team, next[0]?.id ?? '')).toMatchObject({
        status: 'succeeded',
      });
      expect((await agent.get(`${teamPath(team)}/source`).expect(200)).body).toMatchObject({
        state: 'ok',
        lastError: null,
      });
      await retire(team);
    });

    it('tries a failing source again after a wait that grows, not at every tick, and tells its editors once', async () => {
      const jira = await fake();
      jira.generate({ count: 10 });
      const id = await connectFake(agent, workspace, jira);
      const team = await createTeam(testApp, workspace);
      await putSource(agent, workspace, team, { connectionId: id, jql: 'project = PAY' });
      const sync = testApp.app.get(JiraSyncService);
      const minutes = (count: number) => new Date(NOW.getTime() + count * 60_000);
      /** The scheduler's due work at `at` (the app's clock there too): the run it queued, if any. */
      const tick = async (at: Date) => {
        jest.spyOn(testApp.app.get(ClockService), 'now').mockImplementation(() => at);
        const before = await agent.get(`${teamPath(team)}/source/runs?limit=200`).expect(200);
        const known = new Set((before.body.items as { id: string }[]).map((run) => run.id));
        await sync.startDue(at);
        const after = await agent.get(`${teamPath(team)}/source/runs?limit=200`).expect(200);
        const queued = (after.body.items as { id: string }[]).filter((run) => !known.has(run.id));
        const run = queued[0] && (await waitForRun(agent, workspace, team, queued[0].id));
        jest.spyOn(testApp.app.get(ClockService), 'now').mockImplementation(() => NOW);
        return { count: queued.length, run };
      };
      const failingEvents = async () =>
        testApp.dataSource.query<{ title: string; body: string }[]>(
          `SELECT title, body FROM notification_event
            WHERE workspace_id = $1 AND event = 'sync.failed' AND dedupe_key LIKE 'sync.failing:%'
              AND data->>'teamId' = $2`,
          [workspace.id, team.id],
        );

      // The JQL no longer parses (a project was renamed): Jira answers 400, which no retry fixes.
      jira.failNext(1, 400);
      const first = await tick(NOW);
      expect(first.run).toMatchObject({ trigger: 'schedule', status: 'failed' });
      expect((await agent.get(`${teamPath(team)}/source`).expect(200)).body).toMatchObject({
        state: 'ok',
        failingSince: NOW.toISOString(),
        retryAt: minutes(30).toISOString(),
      });
      // One failure is not told: it may pass.
      expect(await failingEvents()).toEqual([]);

      // Not at the next ticks: after the interval.
      expect((await tick(minutes(1))).count).toBe(0);
      expect((await tick(minutes(29))).count).toBe(0);
      jira.failNext(1, 400);
      const second = await tick(minutes(30));
      expect(second.run).toMatchObject({ status: 'failed' });
      // Failing for 30 minutes: the next wait is as long, then 60 minutes, and so on.
      expect((await agent.get(`${teamPath(team)}/source`).expect(200)).body).toMatchObject({
        failingSince: NOW.toISOString(),
        retryAt: minutes(60).toISOString(),
      });
      expect(await failingEvents()).toEqual([
        { title: `${team.name}: Jira sync failing`, body: expect.stringContaining('400') },
      ]);
      expect((await tick(minutes(59))).count).toBe(0);
      jira.failNext(1, 400);
      expect((await tick(minutes(60))).run).toMatchObject({ status: 'failed' });
      expect((await agent.get(`${teamPath(team)}/source`).expect(200)).body.retryAt).toBe(
        minutes(120).toISOString(),
      );
      // Told once for the whole stretch of failures.
      expect(await failingEvents()).toHaveLength(1);

      // Saving the source (the fix) ends the wait: the next tick tries it, and it syncs.
      await putSource(agent, workspace, team, { connectionId: id, jql: 'project = PAY' });
      expect((await agent.get(`${teamPath(team)}/source`).expect(200)).body.retryAt).toBeNull();
      expect((await tick(minutes(61))).run).toMatchObject({ status: 'succeeded' });
      expect((await agent.get(`${teamPath(team)}/source`).expect(200)).body).toMatchObject({
        failingSince: null,
        retryAt: null,
        lastError: null,
      });
      await retire(team);
    });

    it('is scheduled by the interval on the scheduler tick, one run at a time per source', async () => {
      const jira = await fake();
      jira.generate({ count: 10 });
      const id = await connectFake(agent, workspace, jira);
      const team = await createTeam(testApp, workspace);
      await putSource(agent, workspace, team, {
        connectionId: id,
        jql: 'project = PAY',
        intervalMinutes: 15,
      });
      const scheduler = testApp.app.get(Scheduler);
      await scheduler.tick();
      await scheduler.tick();
      const runs = await agent.get(`${teamPath(team)}/source/runs`).expect(200);
      expect(runs.body.items).toHaveLength(1);
      const run = await waitForRun(agent, workspace, team, runs.body.items[0].id);
      expect(run).toMatchObject({ trigger: 'schedule', status: 'succeeded' });

      // Not due again before its interval passed, due after.
      await scheduler.tick();
      expect(
        (await agent.get(`${teamPath(team)}/source/runs`).expect(200)).body.items,
      ).toHaveLength(1);
      const later = new Date(NOW.getTime() + 16 * 60_000);
      jest.spyOn(testApp.app.get(ClockService), 'now').mockImplementation(() => later);
      await scheduler.tick();
      jest.spyOn(testApp.app.get(ClockService), 'now').mockImplementation(() => NOW);
      const again = await agent.get(`${teamPath(team)}/source/runs`).expect(200);
      expect(again.body.items).toHaveLength(2);
      await waitForRun(agent, workspace, team, again.body.items[0].id);
    });

    it('lets only the worker holding the lease write, renew or end a run another worker took over', async () => {
      const jira = await fake();
      jira.generate({ count: 300, historiesPerIssue: 4 });
      const id = await connectFake(agent, workspace, jira);
      const team = await createTeam(testApp, workspace);
      const source = jiraSourceSchema.parse(
        await putSource(agent, workspace, team, { connectionId: id, jql: 'project = PAY' }),
      );
      const manager = testApp.dataSource.manager;
      // A run recorded without its queue job: worker A is this test's own `run` call.
      const run = await insertQueuedRun(manager, {
        workspaceId: workspace.id,
        sourceId: source.id,
        trigger: 'manual',
        createdAt: NOW,
      });
      if (!run) throw new Error('the source has a run already');
      const runRow = async () => {
        const [row] = await testApp.dataSource.query(
          `SELECT status, pages, created, finished_at, lease_token FROM sync_run WHERE id = $1`,
          [run.id],
        );
        return row as Record<string, unknown>;
      };
      const itemCount = async () => {
        const [row] = await testApp.dataSource.query(
          `SELECT count(*)::int AS count FROM work_item WHERE team_id = $1`,
          [team.id],
        );
        return (row as { count: number }).count;
      };

      // Worker A writes its first batch, then stalls past its lease (a long 429 backoff, say):
      // the scheduler hands the run to worker B, which claims it.
      let leaseOfA: RunLease | undefined;
      let leaseOfB: RunLease | null = null;
      await testApp.app.get(JiraSyncService).run(workspace.id, run.id, {
        batchIssues: 100,
        afterPage: async () => {
          if (leaseOfA) return;
          leaseOfA = { runId: run.id, token: String((await runRow()).lease_token) };
          await testApp.dataSource.query(
            `UPDATE sync_run SET lease_until = now() - interval '1 second' WHERE id = $1`,
            [run.id],
          );
          leaseOfB = await claimRun(manager, run.id, NOW);
        },
      });
      if (!leaseOfA || !leaseOfB) throw new Error('worker B did not take the run over');
      const [a, b]: [RunLease, RunLease] = [leaseOfA, leaseOfB];
      expect(b.token).not.toBe(a.token);

      // A stopped at its next batch: nothing after the takeover was written, and the run is
      // still B's, running, with what A recorded before it.
      expect(await itemCount()).toBe(100);
      const taken = await runRow();
      expect(taken).toEqual({
        status: 'running',
        pages: 1,
        created: 100,
        finished_at: null,
        lease_token: b.token,
      });

      // A's lease is refused for renewing, writing and ending, and changes nothing.
      const counts = {
        pages: 9,
        requests: 9,
        retries: 9,
        created: 999,
        updated: 9,
        unchanged: 9,
        removed: 9,
        mode: 'full' as const,
      };
      expect(await renewRun(manager, a, counts)).toBe(false);
      expect(
        await testApp.dataSource.transaction((transaction) => holdRunLease(transaction, a)),
      ).toBe(false);
      expect(
        await finishRun(manager, a, { status: 'failed', error: 'A gave up', finishedAt: NOW }),
      ).toBe(false);
      expect(await runRow()).toEqual(taken);

      // B's lease works.
      expect(await renewRun(manager, b, counts)).toBe(true);
      expect(
        await finishRun(manager, b, { status: 'failed', error: 'B gave up', finishedAt: NOW }),
      ).toBe(true);
      expect(await runRow()).toMatchObject({ status: 'failed', lease_token: null });
      await retire(team);
    });

    it('cut off mid-way through a full sync, serves numbers that hold what its batches committed', async () => {
      const jira = await fake({ inlineHistories: 3 });
      jira.generate({ count: 250, historiesPerIssue: 8 });
      const id = await connectFake(agent, workspace, jira);
      const team = await createTeam(testApp, workspace, { name: 'Cut off' });
      // The dashboards were read before: the team's rows are current, for no items.
      const empty = await numbersOf(team);
      await putSource(agent, workspace, team, {
        connectionId: id,
        jql: 'project = PAY',
        boardId: 7,
      });
      const sync = testApp.app.get(JiraSyncService);
      const stop = new AbortController();
      let cutAfter = 0;
      sync.queuedRunOptions = {
        signal: stop.signal,
        batchIssues: 100,
        afterPage: (page) => {
          if (page === 2) {
            cutAfter = page;
            stop.abort(new Error('killed'));
          }
        },
      };
      await agent.post(`${teamPath(team)}/source/sync`).expect(202);
      await waitUntil(() => Promise.resolve(cutAfter === 2 && sync.idle));
      sync.queuedRunOptions = {};
      const [{ items }] = await testApp.dataSource.query(
        `SELECT count(*)::int AS items FROM work_item WHERE team_id = $1`,
        [team.id],
      );
      expect(items).toBeGreaterThan(0);

      // What the dashboards serve now is what rows rebuilt from the stored items give.
      const served = await numbersOf(team);
      expect(served).not.toEqual(empty);
      await testApp.dataSource.transaction((manager) =>
        refreshTeamFlow(manager, workspace.id, team.id),
      );
      expect(await numbersOf(team)).toEqual(served);
      await retire(team);
    });

    it('failing right after its reconciliation, leaves no removed item in the numbers served', async () => {
      const jira = await fake({ inlineHistories: 3 });
      jira.generate({ count: 120, historiesPerIssue: 8 });
      const id = await connectFake(agent, workspace, jira);
      const team = await createTeam(testApp, workspace, { name: 'Reconciled' });
      await putSource(agent, workspace, team, {
        connectionId: id,
        jql: 'project = PAY',
        boardId: 7,
      });
      expect((await syncNow(agent, workspace, team)).status).toBe('succeeded');
      const before = await numbersOf(team);

      // Issues leave the project; the next run reconciles, and fails before it ends.
      for (const key of ['PAY-2', 'PAY-3', 'PAY-5', 'PAY-7', 'PAY-11']) jira.remove(key);
      await testApp.dataSource.query(
        `UPDATE team_source SET reconciled_at = NULL WHERE team_id = $1`,
        [team.id],
      );
      testApp.app.get(JiraSyncService).queuedRunOptions = {
        afterReconcile: () => {
          throw new Error('stopped after the reconciliation');
        },
      };
      const failed = await syncNow(agent, workspace, team);
      expect(failed).toMatchObject({ status: 'failed', counts: { removed: 5 } });
      testApp.app.get(JiraSyncService).queuedRunOptions = {};

      const served = await numbersOf(team);
      expect(served).not.toEqual(before);
      await testApp.dataSource.transaction((manager) =>
        refreshTeamFlow(manager, workspace.id, team.id),
      );
      expect(await numbersOf(team)).toEqual(served);
      await retire(team);
    });

    it('killed mid-way leaves the watermark, and a rerun converges on what a full sync gives', async () => {
      const jira = await fake({ inlineHistories: 3 });
      jira.generate({ count: 420, historiesPerIssue: 8 });
      const id = await connectFake(agent, workspace, jira);
      const killed = await createTeam(testApp, workspace, { name: 'Killed' });
      await putSource(agent, workspace, killed, {
        connectionId: id,
        jql: 'project = PAY',
        boardId: 7,
      });
      const sync = testApp.app.get(JiraSyncService);

      // The queue's worker takes the run and dies after two committed pages.
      const stop = new AbortController();
      let killedAfter = 0;
      sync.queuedRunOptions = {
        signal: stop.signal,
        batchIssues: 100,
        afterPage: (page) => {
          if (page === 2) {
            killedAfter = page;
            stop.abort(new Error('killed'));
          }
        },
      };
      const run = syncRunSchema.parse(
        (await agent.post(`${teamPath(killed)}/source/sync`).expect(202)).body,
      );
      const source = (await agent.get(`${teamPath(killed)}/source`).expect(200)).body;
      await waitUntil(async () => {
        const [row] = await testApp.dataSource.query(
          `SELECT status, lease_until FROM sync_run WHERE id = $1`,
          [run.id],
        );
        return killedAfter === 2 && row.status === 'running' && sync.idle;
      });
      sync.queuedRunOptions = {};
      const halfway = await testApp.dataSource.query(
        `SELECT count(*)::int AS items FROM work_item WHERE team_id = $1`,
        [killed.id],
      );
      const [state] = await testApp.dataSource.query(
        `SELECT watermark FROM team_source WHERE id = $1`,
        [source.id],
      );
      expect(state.watermark).toBeNull();
      expect(halfway[0].items).toBeLessThan(420);

      // Its lease lapses; the scheduler hands the run to a worker, which finishes it.
      await testApp.dataSource.query(
        `UPDATE sync_run SET lease_until = now() - interval '1 second' WHERE id = $1`,
        [run.id],
      );
      await sync.startDue(NOW);
      const finished = await waitForRun(agent, workspace, killed, run.id);
      expect(finished.status).toBe('succeeded');

      const full = await createTeam(testApp, workspace, { name: 'Full after kill' });
      await putSource(agent, workspace, full, {
        connectionId: id,
        jql: 'project = PAY',
        boardId: 7,
      });
      await syncNow(agent, workspace, full);
      expect(await rowsOf(killed)).toEqual(await rowsOf(full));
      expect(await numbersOf(killed)).toEqual(await numbersOf(full));
    });
  });
});
