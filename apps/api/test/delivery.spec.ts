import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  agingWipSchema,
  cumulativeFlowSchema,
  cycleTimesSchema,
  sprintBurndownSchema,
  sprintPageSchema,
  sprintSummarySchema,
  throughputSchema,
  velocitySchema,
  wipSchema,
} from '@bearing/contracts';
import {
  type Browser,
  createUser,
  createWorkspace,
  signIn,
  type TestWorkspace,
} from './support/factories.js';
import { createTeam, fixture, importFile, type TestTeam } from './support/delivery-factories.js';
import { loadSprintEvents } from '../src/delivery/sprint-events.repository.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The delivery read models — flow, sprint reports, velocity — over HTTP, computed from the
 * hand-written Jira fixtures imported as a user would. The expected numbers are worked out by
 * hand in the comments, from the fixtures' timestamps.
 */
describe('delivery read models of imported Jira histories', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let admin: Browser;
  const base = () => `/api/workspaces/${workspace.slug}`;

  beforeAll(async () => {
    testApp = await createTestApp();
    const user = await createUser(testApp);
    workspace = await createWorkspace(testApp, user);
    admin = await signIn(testApp, user);
  }, 60_000);
  afterAll(async () => {
    await testApp.close();
  });

  /**
   * search-v3.json: PAY Sprint 1 runs Mon 2024-03-04 09:00 to Fri 2024-03-15 18:00 Berlin
   * time; Friday 2024-03-08 is a team holiday, so it has 9 working days.
   */
  describe('a /rest/api/3/search/jql page (Cloud), team in Europe/Berlin', () => {
    let team: TestTeam;
    const teamBase = () => `${base()}/teams/${team.slug}`;

    beforeAll(async () => {
      team = await createTeam(testApp, workspace, {
        timeZone: 'Europe/Berlin',
        calendar: { nonWorkingWeekdays: [0, 6], holidays: ['2024-03-08'] },
      });
      const job = await importFile(admin, workspace, team, { file: fixture('search-v3.json') });
      expect(job).toMatchObject({ status: 'completed', result: { created: 4 } });
    }, 60_000);

    it('yields the stage days, cycle and lead times worked out by hand', async () => {
      // Berlin days. PAY-1: created 03-01, In Progress 03-04, done 03-08 00:30 → 4 / 7.
      // PAY-2: created 02-28, In Progress 03-05, done 03-12 → 7 / 13 (2024 is a leap year).
      // PAY-3: created 03-06, In Progress 03-07, Review 03-11, back 03-12, done 03-14 → 7 / 8.
      const cycle = cycleTimesSchema.parse(
        (
          await admin
            .get(`${teamBase()}/flow/cycle-times?from=2024-03-01&to=2024-03-31`)
            .expect(200)
        ).body,
      );
      // Each point: [key, done day, cycle time, lead time], in (done day, key) order.
      expect(cycle.points).toEqual([
        ['PAY-1', '2024-03-08', 4, 7],
        ['PAY-2', '2024-03-12', 7, 13],
        ['PAY-3', '2024-03-14', 7, 8],
      ]);
      expect(cycle).toMatchObject({ total: 3, sampled: false, withoutCycleTime: 0 });
      // Nearest rank: cycle times 4, 7, 7 → 7 / 7 / 7; lead times 7, 8, 13 → 8 / 13 / 13.
      expect(cycle.percentiles).toEqual({ p50: 7, p85: 7, p95: 7 });
      expect(cycle.leadTimePercentiles).toEqual({ p50: 8, p85: 13, p95: 13 });

      const cfd = cumulativeFlowSchema.parse(
        (await admin.get(`${teamBase()}/flow/cfd?from=2024-03-07&to=2024-03-08`).expect(200)).body,
      );
      expect(cfd.days).toEqual([
        // 03-07: every item created; PAY-1, PAY-2, PAY-3 in progress or beyond; PAY-1 in review.
        { day: '2024-03-07', counts: { Backlog: 4, 'In Progress': 3, Review: 1, Done: 0 } },
        // 03-08: PAY-1 done (00:30 Berlin), PAY-4 started.
        { day: '2024-03-08', counts: { Backlog: 4, 'In Progress': 4, Review: 1, Done: 1 } },
      ]);
      const wip = wipSchema.parse(
        (await admin.get(`${teamBase()}/flow/wip?from=2024-03-13&to=2024-03-14`).expect(200)).body,
      );
      expect(wip.days).toEqual([
        { day: '2024-03-13', count: 2 },
        { day: '2024-03-14', count: 1 },
      ]);
      const aging = agingWipSchema.parse(
        (await admin.get(`${teamBase()}/flow/aging?asOf=2024-03-15`).expect(200)).body,
      );
      expect(aging.items).toEqual([
        { key: 'PAY-4', title: 'Apple Pay on the web', stage: 'In Progress', ageDays: 7 },
      ]);
      expect(aging.total).toBe(1);
      const weekly = throughputSchema.parse(
        (await admin.get(`${teamBase()}/flow/throughput?from=2024-03-04&to=2024-03-17`).expect(200))
          .body,
      );
      expect(weekly.buckets).toEqual([
        { start: '2024-03-04', count: 1 },
        { start: '2024-03-11', count: 2 },
      ]);
    });

    it('builds the burndown and the sprint report from the scope history', async () => {
      const sprints = sprintPageSchema.parse(
        (await admin.get(`${teamBase()}/sprints`).expect(200)).body,
      );
      const sprint = sprints.items.find((candidate) => candidate.name === 'PAY Sprint 1');
      const burndown = sprintBurndownSchema.parse(
        (await admin.get(`${teamBase()}/sprints/${sprint?.id}/burndown`).expect(200)).body,
      );
      // Committed at the start: PAY-1 5 + PAY-2 3 (re-estimated to 5 on 03-05) + PAY-4 8 = 16.
      // Ideal = 16 × (9 − w) / 9 over the 9 working days; flat on the holiday and the weekend.
      expect(burndown.committed).toBe(16);
      const ideal = (w: number) => (16 * (9 - w)) / 9;
      expect(burndown.days).toEqual([
        { day: '2024-03-04', remaining: 16, ideal: ideal(1), added: 0, removed: 0, completed: 0 },
        { day: '2024-03-05', remaining: 18, ideal: ideal(2), added: 0, removed: 0, completed: 0 },
        { day: '2024-03-06', remaining: 20, ideal: ideal(3), added: 2, removed: 0, completed: 0 },
        { day: '2024-03-07', remaining: 20, ideal: ideal(4), added: 0, removed: 0, completed: 0 },
        { day: '2024-03-08', remaining: 15, ideal: ideal(4), added: 0, removed: 0, completed: 5 },
        { day: '2024-03-09', remaining: 15, ideal: ideal(4), added: 0, removed: 0, completed: 0 },
        { day: '2024-03-10', remaining: 15, ideal: ideal(4), added: 0, removed: 0, completed: 0 },
        { day: '2024-03-11', remaining: 7, ideal: ideal(5), added: 0, removed: 8, completed: 0 },
        { day: '2024-03-12', remaining: 2, ideal: ideal(6), added: 0, removed: 0, completed: 5 },
        { day: '2024-03-13', remaining: 2, ideal: ideal(7), added: 0, removed: 0, completed: 0 },
        { day: '2024-03-14', remaining: 0, ideal: ideal(8), added: 0, removed: 0, completed: 2 },
        { day: '2024-03-15', remaining: 0, ideal: 0, added: 0, removed: 0, completed: 0 },
      ]);
      const summary = sprintSummarySchema.parse(
        (await admin.get(`${teamBase()}/sprints/${sprint?.id}/summary`).expect(200)).body,
      );
      expect(summary).toEqual({
        sprintId: sprint?.id,
        unit: 'points',
        committed: 16,
        completed: 12,
        completedFromCommitment: 8,
        added: 2,
        removed: 8,
        carriedOver: 0,
        scopeAtEnd: 12,
        sayDoRatio: 0.5,
        completionRate: 1,
      });
      const counted = sprintSummarySchema.parse(
        (await admin.get(`${teamBase()}/sprints/${sprint?.id}/summary?unit=count`).expect(200))
          .body,
      );
      expect(counted).toMatchObject({ committed: 3, completed: 3, added: 1, removed: 1 });
    });

    it("reads a sprint's events only from items of the workspace asked for", async () => {
      const sprints = sprintPageSchema.parse(
        (await admin.get(`${teamBase()}/sprints`).expect(200)).body,
      );
      const sprintId = sprints.items.find((candidate) => candidate.name === 'PAY Sprint 1')!.id;
      const elsewhere = await createWorkspace(testApp, await createUser(testApp));
      const done = new Set(['Done']);
      const manager = testApp.dataSource.manager;
      expect(
        await loadSprintEvents(manager, { workspaceId: workspace.id, sprintId }, done),
      ).not.toEqual([]);
      expect(
        await loadSprintEvents(manager, { workspaceId: elsewhere.id, sprintId }, done),
      ).toEqual([]);
    });
  });

  /** search-v2 pages (Jira Server): greenhopper sprint strings, `names`, two pages. */
  describe('/rest/api/2/search pages (Server)', () => {
    it('gives each sprint its report and the team its velocity', async () => {
      const team = await createTeam(testApp, workspace);
      const file = Buffer.concat([
        fixture('search-v2-page1.json'),
        fixture('search-v2-page2.json'),
      ]);
      const job = await importFile(admin, workspace, team, { file });
      expect(job.result).toMatchObject({ created: 3, problems: [] });
      const teamBase = `${base()}/teams/${team.id}`;
      const sprints = sprintPageSchema.parse(
        (await admin.get(`${teamBase}/sprints`).expect(200)).body,
      );
      expect(sprints.items.map((sprint) => [sprint.name, sprint.externalId, sprint.goal])).toEqual([
        ['ENG Sprint 11, the long one', '11', ''],
        ['ENG Sprint 10', '10', 'Faster search'],
      ]);
      const [sprint11, sprint10] = sprints.items;
      // Sprint 10: ENG-1 (3) and ENG-2 (5) committed; ENG-1 done, ENG-2 carried over.
      expect(
        sprintSummarySchema.parse(
          (await admin.get(`${teamBase}/sprints/${sprint10?.id}/summary`).expect(200)).body,
        ),
      ).toMatchObject({
        committed: 8,
        completed: 3,
        completedFromCommitment: 3,
        carriedOver: 5,
        sayDoRatio: 0.375,
      });
      // Sprint 11: ENG-2 (5) committed at the close of 10; ENG-3 added at 2, re-estimated to 3.
      expect(
        sprintSummarySchema.parse(
          (await admin.get(`${teamBase}/sprints/${sprint11?.id}/summary`).expect(200)).body,
        ),
      ).toMatchObject({
        committed: 5,
        added: 2,
        completed: 8,
        completedFromCommitment: 5,
        sayDoRatio: 1,
      });
      const velocity = velocitySchema.parse(
        (await admin.get(`${teamBase}/velocity?window=3`).expect(200)).body,
      );
      // Completed 3 then 8: mean 5.5, sample standard deviation √12.5.
      expect(velocity).toMatchObject({ window: 3, average: 5.5, sprints: 2 });
      expect(velocity.standardDeviation).toBeCloseTo(Math.sqrt(12.5), 10);
      expect(velocity.outcomes.map((outcome) => outcome.sprintId)).toEqual([
        sprint10?.id,
        sprint11?.id,
      ]);
    });
  });
});
