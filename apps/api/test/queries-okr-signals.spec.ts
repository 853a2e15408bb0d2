import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SeriesResponse } from '@bearing/contracts';
import { paceStatus } from '@bearing/metrics';
import { MetricSignalsService } from '../src/metrics/signals/metric-signals.service.js';
import { QueriesService } from '../src/queries/queries.service.js';
import {
  type Browser,
  createMember,
  createUser,
  createWorkspace,
  signIn,
  type TestUser,
  type TestWorkspace,
} from './support/factories.js';
import {
  createKeyResult,
  createMetric,
  createObjective,
  createPeriod,
  insertPoints,
  pinToday,
} from './support/okr-factories.js';
import {
  byId,
  expectOkrRowsToMatchPages,
  expectSignalsToMatchChart,
  runAs,
} from './support/query-table-expectations.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// The query language's MetricSignals, Objectives, KeyResults and CheckIns: golden values on a
// small fixture worked out by hand, the read model following uploads and check-ins, the day a
// run is for, another workspace's rows never seen. On the demo workspace, every row equals what
// the metric and OKR pages show (`demo/query-tables-on-the-demo.ts`, run on the seeded demo).

/** 20 values around 10 without a run: mean 10, mR̄ = 24 / 19, limits 10 ± 2.66 · 24 / 19. */
const STEADY = [10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 10];
const AVERAGE_MOVING_RANGE = 24 / 19;
const dayOf = (offset: number) =>
  new Date(Date.UTC(2026, 9, 1 + offset)).toISOString().slice(0, 10);

describe('query tables MetricSignals, Objectives, KeyResults and CheckIns', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let other: TestWorkspace;
  let owner: TestUser;
  let editor: Browser;
  let otherEditor: Browser;
  let clock: { restore(): void };
  let checkedIn: string;
  let silent: string;
  let objectiveId: string;
  let otherKeyResultId: string;
  let otherObjectiveId: string;

  const rows = (query: string) => runAs(editor, workspace.slug, query);
  const upload = (key: string, points: { timestamp: string; value: number }[]) =>
    editor.post(`/api/workspaces/${workspace.slug}/metrics/${key}/points`).send(points).expect(200);

  beforeAll(async () => {
    testApp = await createTestApp();
    const admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    other = await createWorkspace(testApp, admin);
    owner = await createMember(testApp, workspace, 'editor');
    editor = await signIn(testApp, owner);
    const otherOwner = await createMember(testApp, other, 'editor');
    otherEditor = await signIn(testApp, otherOwner);
    clock = pinToday(testApp, '2026-11-05');

    // Workspace A: a quarter (91 days from 10-01 to 12-31), one objective, two weekly key
    // results made on its first day: one checked in on 10-10 (20) and 10-20 (40), one never.
    const period = await createPeriod(testApp, workspace, {
      name: 'Q4 2026',
      start: '2026-10-01',
      end: '2026-12-31',
    });
    const objective = await createObjective(testApp, workspace, owner, period, {
      title: 'Grow usage',
    });
    objectiveId = objective.id;
    const createdAt = new Date('2026-10-01T08:00:00Z');
    checkedIn = (await createKeyResult(testApp, objective, { createdAt })).id;
    silent = (await createKeyResult(testApp, objective, { createdAt })).id;
    for (const [date, value] of [
      ['2026-10-10', 20],
      ['2026-10-20', 40],
    ] as const) {
      await editor
        .post(`/api/workspaces/${workspace.slug}/key-results/${checkedIn}/check-ins`)
        .send({ value, confidence: 'on-track', date })
        .expect(201);
    }
    await createMetric(testApp, workspace, { key: 'queue-depth' });
    await upload('queue-depth', [
      ...STEADY.map((value, day) => ({ timestamp: dayOf(day), value })),
      { timestamp: dayOf(20), value: 30 },
      { timestamp: dayOf(21), value: 31 },
    ]);

    // Workspace B: look-alikes — the same metric key, an objective and a checked-in key result.
    const otherPeriod = await createPeriod(testApp, other, {
      name: 'Q4 2026',
      start: '2026-10-01',
      end: '2026-12-31',
    });
    const otherObjective = await createObjective(testApp, other, otherOwner, otherPeriod, {
      title: 'Secret objective',
    });
    otherObjectiveId = otherObjective.id;
    otherKeyResultId = (await createKeyResult(testApp, otherObjective, { createdAt })).id;
    await otherEditor
      .post(`/api/workspaces/${other.slug}/key-results/${otherKeyResultId}/check-ins`)
      .send({ value: 99, confidence: 'at-risk', date: '2026-10-15' })
      .expect(201);
    await createMetric(testApp, other, { key: 'queue-depth' });
    await otherEditor
      .post(`/api/workspaces/${other.slug}/metrics/queue-depth/points`)
      .send([
        { timestamp: dayOf(0), value: -1 },
        { timestamp: dayOf(1), value: -2 },
        { timestamp: dayOf(2), value: 500 },
      ])
      .expect(200);
  });
  afterAll(async () => {
    clock.restore();
    await testApp.close();
  });

  describe('MetricSignals', () => {
    it('holds each analysed value with its limits, its rules and how long they have held', async () => {
      const signals = await rows(
        'MetricSignals | where metric == "queue-depth" | sort by timestamp asc',
      );
      expect(signals).toHaveLength(22);
      const upper = 10 + 2.66 * AVERAGE_MOVING_RANGE;
      const lower = 10 - 2.66 * AVERAGE_MOVING_RANGE;
      expect(signals[0]).toEqual({
        metric: 'queue-depth',
        timestamp: '2026-10-01T00:00:00.000Z',
        value: 10,
        mean: 10,
        lowerLimit: expect.closeTo(lower, 10),
        upperLimit: expect.closeTo(upper, 10),
        signal: null,
        run: 0,
      });
      // 30 lies above 13.36 and jumps 20 (range limit 3.268 · 24/19 = 4.13); 31 is beyond too.
      expect(signals.slice(20)).toEqual([
        expect.objectContaining({ value: 30, signal: 'beyond-limits, range-beyond-limit', run: 1 }),
        expect.objectContaining({ value: 31, signal: 'beyond-limits', run: 2 }),
      ]);
      expect(signals.filter((row) => row.signal !== null)).toHaveLength(2);
      // The reference's rule "beyond their XmR limits two values running".
      expect(
        await rows(
          'MetricSignals | where signal startswith "beyond-limits" and run >= 2 | project metric, value',
        ),
      ).toEqual([{ metric: 'queue-depth', value: 31 }]);
    });

    it('is the chart the metric page shows', async () => {
      const series = (
        await editor.get(`/api/workspaces/${workspace.slug}/metrics/queue-depth/series`).expect(200)
      ).body as SeriesResponse;
      expectSignalsToMatchChart(
        await rows('MetricSignals | where metric == "queue-depth" | sort by timestamp asc'),
        series,
      );
    });

    it('follows an upload: a new value, a changed value, in the upload’s transaction', async () => {
      // 30 → 10 takes away the first signal; a 23rd value below the lower limit adds one.
      await upload('queue-depth', [
        { timestamp: dayOf(20), value: 10 },
        { timestamp: dayOf(22), value: 2 },
      ]);
      const signals = await rows(
        'MetricSignals | where metric == "queue-depth" | sort by timestamp asc | project value, signal, run',
      );
      expect(signals).toHaveLength(23);
      expect(signals.slice(20)).toEqual([
        { value: 10, signal: null, run: 0 },
        { value: 31, signal: 'beyond-limits, range-beyond-limit', run: 1 },
        { value: 2, signal: 'beyond-limits, range-beyond-limit', run: 2 },
      ]);
      const series = (
        await editor.get(`/api/workspaces/${workspace.slug}/metrics/queue-depth/series`).expect(200)
      ).body as SeriesResponse;
      expectSignalsToMatchChart(
        await rows('MetricSignals | where metric == "queue-depth" | sort by timestamp asc'),
        series,
      );
    });

    it('fills, once, metrics whose points were stored before the read model', async () => {
      const old = await createMetric(testApp, workspace, { key: 'stored-before' });
      await insertPoints(
        testApp,
        old,
        STEADY.map((value, day) => ({ timestamp: `${dayOf(day)}T00:00:00Z`, value })),
        { readModel: false },
      );
      expect(await rows('MetricSignals | where metric == "stored-before" | count')).toEqual([
        { Count: 0 },
      ]);
      expect(await testApp.app.get(MetricSignalsService).fillMissing()).toBe(1);
      expect(await rows('MetricSignals | where metric == "stored-before" | count')).toEqual([
        { Count: 20 },
      ]);
      expect(await testApp.app.get(MetricSignalsService).fillMissing()).toBe(0);
    });

    it('an alert rule’s lookback keeps the values of its window', async () => {
      const service = testApp.app.get(QueriesService);
      const result = await service.run(
        workspace.id,
        'MetricSignals | where metric == "queue-depth" | project value',
        { now: new Date('2026-10-23T12:00:00Z'), lookbackMs: 2 * 86_400_000 },
      );
      // 10-22 (31) and 10-23 (2) lie within the two days before 10-23 12:00; 10-21 does not.
      expect(result.rows).toEqual([{ value: 31 }, { value: 2 }]);
    });
  });

  describe('Objectives and KeyResults', () => {
    it('answer the numbers the OKR pages show today, by hand: 40 of 100 on day 35 of 91', async () => {
      const keyResults = await rows(
        `KeyResults | where objective == "${objectiveId}" | project id, current, progress, expectedProgress, pace, lastCheckIn, checkInDue, checkInDueOn`,
      );
      const expected = 35 / 91;
      expect(keyResults).toHaveLength(2);
      expect(keyResults.find((row) => row.id === checkedIn)).toEqual({
        id: checkedIn,
        current: 40,
        progress: 0.4,
        expectedProgress: expect.closeTo(expected, 12),
        pace: paceStatus(0.4, expected),
        lastCheckIn: '2026-10-20T00:00:00.000Z',
        // Weekly since 10-20: due 10-27, overdue from 11-03.
        checkInDue: 'overdue',
        checkInDueOn: '2026-10-27T00:00:00.000Z',
      });
      expect(keyResults.find((row) => row.id === silent)).toEqual({
        id: silent,
        current: null,
        progress: null,
        expectedProgress: expect.closeTo(expected, 12),
        pace: null,
        lastCheckIn: null,
        checkInDue: 'overdue',
        checkInDueOn: '2026-10-08T00:00:00.000Z',
      });
      expect(await rows('Objectives')).toEqual([
        {
          id: objectiveId,
          title: 'Grow usage',
          owner: owner.email,
          period: 'Q4 2026',
          status: 'active',
          progress: 0.4,
          expectedProgress: expect.closeTo(expected, 12),
          pace: paceStatus(0.4, expected),
        },
      ]);
      await expectOkrRowsToMatchPages(editor, workspace.slug);
    });

    it('are computed for the run’s time: an alert run at its scheduled time sees that day', async () => {
      const service = testApp.app.get(QueriesService);
      const scheduled = new Date('2026-10-28T09:00:00Z');
      const result = await service.run(
        workspace.id,
        `KeyResults | where id == "${checkedIn}" | project expectedProgress, checkInDue, checkInDueOn`,
        { now: scheduled },
      );
      expect(result.rows).toEqual([
        {
          expectedProgress: expect.closeTo(27 / 91, 12),
          checkInDue: 'due',
          checkInDueOn: '2026-10-27T00:00:00.000Z',
        },
      ]);
      // The pages say the same on that day.
      const pinned = pinToday(testApp, '2026-10-28');
      try {
        await expectOkrRowsToMatchPages(editor, workspace.slug, async (query) => {
          return (await service.run(workspace.id, query, { now: scheduled })).rows;
        });
      } finally {
        pinned.restore();
        clock = pinToday(testApp, '2026-11-05');
      }
    });

    it('"check-in overdue by more than 7 days" is a query on checkInDueOn', async () => {
      const query = 'KeyResults | where checkInDueOn < ago(7d) | project id';
      const service = testApp.app.get(QueriesService);
      // On 10-28 only the key result never checked in (due since 10-08) is 7 days past due.
      const early = await service.run(workspace.id, query, {
        now: new Date('2026-10-28T09:00:00Z'),
      });
      expect(early.rows).toEqual([{ id: silent }]);
      const today = await rows(`${query} | sort by id asc`);
      expect(today).toEqual([{ id: checkedIn }, { id: silent }].sort(byId));
      // The reference's rule, with the objective's owner to tell.
      const reference = await rows(
        'KeyResults | where checkInDueOn < ago(7d) | join kind=leftouter (Objectives | project objective = id, owner) on objective | project title, checkInDue, checkInDueOn, owner',
      );
      expect(reference).toHaveLength(2);
      expect(
        reference.every((row) => row.owner === owner.email && row.checkInDue === 'overdue'),
      ).toBe(true);
    });

    it('follow a check-in: numbers, last check-in and due state at once', async () => {
      await editor
        .post(`/api/workspaces/${workspace.slug}/key-results/${checkedIn}/check-ins`)
        .send({ value: 60, confidence: 'on-track', date: '2026-11-05' })
        .expect(201);
      expect(
        await rows(
          `KeyResults | where id == "${checkedIn}" | project progress, lastCheckIn, checkInDue, checkInDueOn`,
        ),
      ).toEqual([
        {
          progress: 0.6,
          lastCheckIn: '2026-11-05T00:00:00.000Z',
          checkInDue: null,
          checkInDueOn: '2026-11-12T00:00:00.000Z',
        },
      ]);
      expect(await rows(`Objectives | project progress`)).toEqual([{ progress: 0.6 }]);
      expect(
        await rows(
          `CheckIns | where keyResult == "${checkedIn}" | sort by date asc | project date, value, confidence`,
        ),
      ).toEqual([
        { date: '2026-10-10T00:00:00.000Z', value: 20, confidence: 'on-track' },
        { date: '2026-10-20T00:00:00.000Z', value: 40, confidence: 'on-track' },
        { date: '2026-11-05T00:00:00.000Z', value: 60, confidence: 'on-track' },
      ]);
      await expectOkrRowsToMatchPages(editor, workspace.slug);
    });

    it('join: key results with their objective and check-ins', async () => {
      const joined = await rows(
        `KeyResults | project keyResult = id, objective, title | join (CheckIns) on keyResult | join (Objectives | project objective = id, period) on objective | summarize checkIns = count() by period`,
      );
      expect(joined).toEqual([{ period: 'Q4 2026', checkIns: 3 }]);
    });
  });

  describe("another workspace's rows", () => {
    it('are never seen, named by key, id or value', async () => {
      expect(
        await rows('MetricSignals | summarize n = count(), low = min(value) by metric'),
      ).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ metric: 'queue-depth', low: expect.any(Number) }),
        ]),
      );
      expect(await rows('MetricSignals | where value < 0 or value == 500 | count')).toEqual([
        { Count: 0 },
      ]);
      expect(await rows(`Objectives | where id == "${otherObjectiveId}" | count`)).toEqual([
        { Count: 0 },
      ]);
      expect(await rows(`Objectives | where title == "Secret objective" | count`)).toEqual([
        { Count: 0 },
      ]);
      expect(
        await rows(`KeyResults | where id == "${otherKeyResultId}" or current == 99 | count`),
      ).toEqual([{ Count: 0 }]);
      expect(
        await rows(`CheckIns | where keyResult == "${otherKeyResultId}" or value == 99 | count`),
      ).toEqual([{ Count: 0 }]);
      // And B sees only its own.
      expect(await runAs(otherEditor, other.slug, 'KeyResults | project id, current')).toEqual([
        { id: otherKeyResultId, current: 99 },
      ]);
      expect(await runAs(otherEditor, other.slug, 'MetricSignals | count')).toEqual([{ Count: 3 }]);
    });
  });
});
