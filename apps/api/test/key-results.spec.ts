import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  keyResultPageSchema,
  keyResultSchema,
  objectivePageSchema,
  objectiveSchema,
  portfolioSchema,
  problemSchema,
  programSchema,
  statusReportSchema,
} from '@bearing/contracts';
import { randomUUID } from 'node:crypto';
import {
  type Browser,
  countRows,
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
  okrRecordVersions,
  pinToday,
} from './support/okr-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** The problem's field errors, for asserting which field a 400 names. */
function fieldErrors(body: unknown) {
  return problemSchema.parse(body).errors ?? [];
}

describe('key results', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let editor: TestUser;
  let editorBrowser: Browser;
  let clock: { restore(): void };
  const url = (path: string) => `/api/workspaces/${workspace.slug}/${path}`;

  beforeAll(async () => {
    testApp = await createTestApp();
    const admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    editor = await createMember(testApp, workspace, 'editor');
    editorBrowser = await signIn(testApp, editor);
  });
  afterAll(async () => {
    await testApp.close();
  });
  // 2024 Q1 runs 90 days from 2024-01-01 to 2024-03-31: on 2024-02-15, 45 have elapsed.
  beforeEach(() => {
    clock = pinToday(testApp, '2024-02-15');
  });
  afterEach(() => clock.restore());

  describe('progress, pace and score', () => {
    it('matches hand-computed numbers for every kind, weighted into the objective', async () => {
      const period = await createPeriod(testApp, workspace, {
        start: '2024-01-01',
        end: '2024-03-31',
      });
      const objective = await createObjective(testApp, workspace, editor, period);
      const uptime = await createMetric(testApp, workspace, { key: 'uptime-pct' });
      await insertPoints(testApp, uptime, [
        { timestamp: '2024-02-01T00:00:00Z', value: 99.9 },
        { timestamp: '2024-02-14T00:00:00Z', value: 99.2 },
      ]);
      const create = async (body: object) =>
        keyResultSchema.parse(
          (
            await editorBrowser
              .post(url('key-results'))
              .send({ objectiveId: objective.id, title: 'KR', ...body })
              .expect(201)
          ).body,
        );
      const increase = await create({ kind: 'increase', baseline: 20, target: 60 });
      const decrease = await create({ kind: 'decrease', baseline: 10, target: 5, weight: 3 });
      const stayAbove = await create({ kind: 'stay-above', target: 99.5, metricKey: 'uptime-pct' });
      const milestone = await create({ kind: 'milestone', weight: 2 });
      expect(milestone).toMatchObject({ baseline: 0, target: 1, current: null, progress: null });
      expect(stayAbove).toMatchObject({ baseline: null, metricKey: 'uptime-pct' });

      const checkIn = (keyResultId: string, value: number, date: string) =>
        editorBrowser
          .post(url(`key-results/${keyResultId}/check-ins`))
          .send({ value, confidence: 'on-track', date })
          .expect(201);
      await checkIn(increase.id, 30, '2024-02-01');
      await checkIn(increase.id, 50, '2024-02-10');
      await checkIn(decrease.id, 8, '2024-02-10');
      await checkIn(milestone.id, 1, '2024-02-12');

      const keyResult = async (id: string) =>
        keyResultSchema.parse((await editorBrowser.get(url(`key-results/${id}`)).expect(200)).body);
      // increase: (50 − 20) / (60 − 20) = 0.75, ahead of 0.5 elapsed; score rounds 0.75 to 0.8.
      expect(await keyResult(increase.id)).toMatchObject({
        current: 50,
        progress: 0.75,
        expectedProgress: 0.5,
        pace: 'on-track',
        score: 0.8,
      });
      // decrease: (10 − 8) / (10 − 5) = 0.4; gap 0.1 < 0.15.
      expect(await keyResult(decrease.id)).toMatchObject({
        current: 8,
        progress: 0.4,
        pace: 'on-track',
        score: 0.4,
      });
      // stay-above 99.5 with the metric's latest point 99.2 (not 99.9): 0; gap 0.5 ≥ 0.3.
      expect(await keyResult(stayAbove.id)).toMatchObject({
        current: 99.2,
        progress: 0,
        pace: 'off-track',
        score: 0,
        lastCheckIn: null,
      });
      expect(await keyResult(milestone.id)).toMatchObject({ current: 1, progress: 1, score: 1 });

      // Objective: (1·0.75 + 3·0.4 + 1·0 + 2·1) / (1 + 3 + 1 + 2) = 3.95 / 7 ≈ 0.5643.
      const numbers = objectiveSchema.parse(
        (await editorBrowser.get(url(`objectives/${objective.id}`)).expect(200)).body,
      );
      expect(numbers.progress).toBeCloseTo(3.95 / 7, 12);
      expect(numbers).toMatchObject({ expectedProgress: 0.5, pace: 'on-track', score: 0.6 });

      // A correction on the same date is a new check-in, and the newest one counts:
      // increase (44 − 20) / 40 = 0.6; decrease at 8.5 → 0.3, gap 0.2 → at risk.
      await checkIn(increase.id, 44, '2024-02-10');
      await checkIn(decrease.id, 8.5, '2024-02-14');
      expect(await keyResult(increase.id)).toMatchObject({
        current: 44,
        progress: 0.6,
        score: 0.6,
      });
      const atRisk = await keyResult(decrease.id);
      expect(atRisk.progress).toBeCloseTo(0.3, 12);
      expect(atRisk).toMatchObject({ pace: 'at-risk', score: 0.3 });
      // Over-achieving counts fully but no more: (70 − 20) / 40 = 1.25, clamped in the objective.
      await checkIn(increase.id, 70, '2024-02-15');
      expect(await keyResult(increase.id)).toMatchObject({ progress: 1.25, score: 1 });
      const after = objectiveSchema.parse(
        (await editorBrowser.get(url(`objectives/${objective.id}`)).expect(200)).body,
      );
      // (1·1 + 3·0.3 + 0 + 2·1) / 7 = 3.9 / 7 ≈ 0.5571.
      expect(after.progress).toBeCloseTo(3.9 / 7, 12);

      // A later point of the linked metric becomes the stay-above's current value.
      await insertPoints(testApp, uptime, [{ timestamp: '2024-02-15T06:00:00Z', value: 99.7 }]);
      expect(await keyResult(stayAbove.id)).toMatchObject({ current: 99.7, progress: 1 });

      const listed = keyResultPageSchema.parse(
        (await editorBrowser.get(url(`key-results?objective=${objective.id}`)).expect(200)).body,
      );
      expect(listed.items.map(({ id }) => id)).toEqual(
        [increase, decrease, stayAbove, milestone].map(({ id }) => id),
      );
      const inPeriod = keyResultPageSchema.parse(
        (await editorBrowser.get(url(`key-results?period=${period.id}`)).expect(200)).body,
      );
      expect(inPeriod.items).toHaveLength(4);
    });

    it('puts a key result behind pace off track once the gap reaches 0.3', async () => {
      const period = await createPeriod(testApp, workspace, {
        start: '2024-01-01',
        end: '2024-03-31',
      });
      const objective = await createObjective(testApp, workspace, editor, period);
      const keyResult = await createKeyResult(testApp, objective, { baseline: 0, target: 10 });
      await editorBrowser
        .post(url(`key-results/${keyResult.id}/check-ins`))
        .send({ value: 2, confidence: 'off-track', date: '2024-02-15' })
        .expect(201);
      // 0.2 against 0.5 expected: gap 0.3.
      const read = keyResultSchema.parse(
        (await editorBrowser.get(url(`key-results/${keyResult.id}`)).expect(200)).body,
      );
      expect(read).toMatchObject({ progress: 0.2, pace: 'off-track', score: 0.2 });
      const objectiveRead = objectiveSchema.parse(
        (await editorBrowser.get(url(`objectives/${objective.id}`)).expect(200)).body,
      );
      expect(objectiveRead).toMatchObject({ progress: 0.2, pace: 'off-track' });
    });
  });

  describe('a closed period: numbers as of its last day', () => {
    // 2024 Q3 runs 91 days, 2024-07-01 … 2024-09-30; today is 2024-11-04, 34 days into Q4.
    beforeEach(() => {
      clock.restore();
      clock = pinToday(testApp, '2024-11-04');
    });

    /**
     * "Podcast ad fill rate to 64 %" from 60 % in Q3, bound to the fill-rate metric: 62.9 % by
     * mid-September, then the rate rose after the quarter — 65.1 % from its first instant, 68 %
     * by November.
     */
    async function closedFillRateQuarter() {
      const q3 = await createPeriod(testApp, workspace, {
        name: '2024 Q3',
        start: '2024-07-01',
        end: '2024-09-30',
      });
      const objective = await createObjective(testApp, workspace, editor, q3, {
        title: 'Grow podcast ad revenue',
      });
      const fillRate = await createMetric(testApp, workspace);
      await insertPoints(testApp, fillRate, [
        { timestamp: '2024-09-02T00:00:00Z', value: 61.5 },
        { timestamp: '2024-09-16T00:00:00Z', value: 62.9 },
        { timestamp: '2024-10-01T00:00:00Z', value: 65.1 },
        { timestamp: '2024-11-01T00:00:00Z', value: 68 },
      ]);
      const keyResult = await createKeyResult(testApp, objective, {
        baseline: 60,
        target: 64,
        metric: fillRate,
      });
      return { objective, fillRate, keyResult };
    }

    const readKeyResult = async (id: string) =>
      keyResultSchema.parse((await editorBrowser.get(url(`key-results/${id}`)).expect(200)).body);
    const readObjective = async (id: string) =>
      objectiveSchema.parse((await editorBrowser.get(url(`objectives/${id}`)).expect(200)).body);

    it("scores a metric-bound key result by the metric's last point of the quarter, counting one that arrived late", async () => {
      const { objective, fillRate, keyResult } = await closedFillRateQuarter();
      // 62.9 % of the 16th, not today's 68 %: (62.9 − 60) / (64 − 60) = 0.725 against the whole
      // quarter elapsed — gap 0.275, at risk; score 0.7.
      const atQuarterEnd = await readKeyResult(keyResult.id);
      expect(atQuarterEnd).toMatchObject({
        current: 62.9,
        expectedProgress: 1,
        pace: 'at-risk',
        score: 0.7,
      });
      expect(atQuarterEnd.progress).toBeCloseTo(0.725, 12);
      const listed = keyResultPageSchema.parse(
        (await editorBrowser.get(url(`key-results?objective=${objective.id}`)).expect(200)).body,
      );
      expect(listed.items).toEqual([atQuarterEnd]);
      const objectiveAtEnd = await readObjective(objective.id);
      expect(objectiveAtEnd).toMatchObject({ expectedProgress: 1, pace: 'at-risk', score: 0.7 });
      expect(objectiveAtEnd.progress).toBeCloseTo(0.725, 12);

      // Uploaded in November, dated the quarter's last evening: it is the quarter's last value.
      await insertPoints(testApp, fillRate, [{ timestamp: '2024-09-30T23:30:00Z', value: 63.6 }]);
      // (63.6 − 60) / 4 = 0.9: gap 0.1, on track; score 0.9.
      const withLatePoint = await readKeyResult(keyResult.id);
      expect(withLatePoint).toMatchObject({
        current: 63.6,
        expectedProgress: 1,
        pace: 'on-track',
        score: 0.9,
      });
      expect(withLatePoint.progress).toBeCloseTo(0.9, 12);
      const objectiveWithLatePoint = await readObjective(objective.id);
      expect(objectiveWithLatePoint).toMatchObject({ pace: 'on-track', score: 0.9 });
      expect(objectiveWithLatePoint.progress).toBeCloseTo(0.9, 12);
    });

    it('scores a check-in key result by its last check-in on or before the end', async () => {
      const q3 = await createPeriod(testApp, workspace, {
        start: '2024-07-01',
        end: '2024-09-30',
      });
      const objective = await createObjective(testApp, workspace, editor, q3);
      const keyResult = await createKeyResult(testApp, objective, { baseline: 0, target: 10 });
      const checkIn = (value: number, date: string) =>
        editorBrowser
          .post(url(`key-results/${keyResult.id}/check-ins`))
          .send({ value, confidence: 'at-risk', date })
          .expect(201);
      await checkIn(4, '2024-08-15');
      await checkIn(6, '2024-09-25');
      await checkIn(9, '2024-10-03'); // after the quarter: it does not change its grade

      // 6 / 10 = 0.6 against 1: gap 0.4, off track.
      expect(await readKeyResult(keyResult.id)).toMatchObject({
        current: 6,
        progress: 0.6,
        expectedProgress: 1,
        pace: 'off-track',
        score: 0.6,
        lastCheckIn: { value: 6, date: '2024-09-25' },
        checkInDue: null,
      });
      expect(await readObjective(objective.id)).toMatchObject({
        progress: 0.6,
        expectedProgress: 1,
        pace: 'off-track',
        score: 0.6,
      });
    });

    it('keeps an open quarter on today while a closed one on the same metric stays at its end', async () => {
      const closed = await closedFillRateQuarter();
      const q4 = await createPeriod(testApp, workspace, {
        start: '2024-10-01',
        end: '2024-12-31',
      });
      const objective = await createObjective(testApp, workspace, editor, q4);
      const keyResult = await createKeyResult(testApp, objective, {
        baseline: 60,
        target: 70,
        metric: closed.fillRate,
      });
      // A point dated tomorrow is not yet today's value.
      await insertPoints(testApp, closed.fillRate, [
        { timestamp: '2024-11-05T00:00:00Z', value: 71 },
      ]);
      // Today's 68 %: (68 − 60) / 10 = 0.8 against 34 of 91 days elapsed.
      const open = await readKeyResult(keyResult.id);
      expect(open).toMatchObject({ current: 68, pace: 'on-track', score: 0.8 });
      expect(open.progress).toBeCloseTo(0.8, 12);
      expect(open.expectedProgress).toBeCloseTo(34 / 91, 12);
      expect((await readObjective(objective.id)).expectedProgress).toBeCloseTo(34 / 91, 12);
      expect(await readKeyResult(closed.keyResult.id)).toMatchObject({
        current: 62.9,
        pace: 'at-risk',
      });
    });

    it("shows the closed quarter's numbers on the program, its portfolio card and its report", async () => {
      const closed = await closedFillRateQuarter();
      const q4 = await createPeriod(testApp, workspace, {
        start: '2024-10-01',
        end: '2024-12-31',
      });
      const open = await createObjective(testApp, workspace, editor, q4);
      await createKeyResult(testApp, open, { baseline: 60, target: 70, metric: closed.fillRate });
      const program = programSchema.parse(
        (
          await editorBrowser
            .post(url('programs'))
            .send({
              name: `Podcast ads expansion ${randomUUID()}`,
              ownerId: editor.id,
              start: '2024-07-01',
              objectiveIds: [closed.objective.id, open.id],
            })
            .expect(201)
        ).body,
      );
      const closedNumbers = { pace: 'at-risk', score: 0.7 };

      const onProgramPage = objectivePageSchema.parse(
        (await editorBrowser.get(url(`objectives?program=${program.id}`)).expect(200)).body,
      ).items;
      const closedOnPage = onProgramPage.find(({ id }) => id === closed.objective.id);
      expect(closedOnPage).toMatchObject({ ...closedNumbers, expectedProgress: 1 });
      expect(closedOnPage?.progress).toBeCloseTo(0.725, 12);
      // One request reads the metric as of both quarters' days: the open one is at today's 68 %.
      expect(onProgramPage.find(({ id }) => id === open.id)?.progress).toBeCloseTo(0.8, 12);

      const card = portfolioSchema
        .parse((await editorBrowser.get(url('portfolio')).expect(200)).body)
        .programs.find(({ id }) => id === program.id);
      const closedOnCard = card?.objectives.find(({ id }) => id === closed.objective.id);
      expect(closedOnCard).toMatchObject(closedNumbers);
      expect(closedOnCard?.progress).toBeCloseTo(0.725, 12);
      expect(card?.healthSuggestion?.reasons).toContainEqual(
        expect.objectContaining({
          code: 'key-result-at-risk',
          ref: { type: 'key-result', id: closed.keyResult.id },
        }),
      );

      const report = statusReportSchema.parse(
        (
          await editorBrowser
            .post(url(`programs/${program.id}/reports`))
            .send({ week: '2024-11-04' })
            .expect(201)
        ).body,
      );
      const section = report.snapshot.sections.keyResults;
      if (section.status !== 'available') throw new Error('key results unavailable');
      const item = section.items.find(({ keyResultId }) => keyResultId === closed.keyResult.id);
      expect(item).toMatchObject({ current: 62.9, expectedProgress: 1, pace: 'at-risk' });
      expect(item?.progress).toBeCloseTo(0.725, 12);
    });
  });

  describe('key result rules', () => {
    let objectiveId: string;

    beforeAll(async () => {
      const period = await createPeriod(testApp, workspace, {
        start: '2024-01-01',
        end: '2024-03-31',
      });
      objectiveId = (await createObjective(testApp, workspace, editor, period)).id;
    });

    it.each([
      [{ kind: 'increase', baseline: 5, target: 5 }, 'target', 'must differ from the baseline'],
      [
        { kind: 'increase', baseline: 5, target: 4 },
        'target',
        'must be above the baseline to increase',
      ],
      [
        { kind: 'decrease', baseline: 5, target: 6 },
        'target',
        'must be below the baseline to decrease',
      ],
      [{ kind: 'stay-above', baseline: 5 }, 'target', 'is required for a stay-above key result'],
      [{ kind: 'increase', target: 5 }, 'baseline', 'is required for an increase key result'],
      [{ kind: 'increase', baseline: 0, target: 5, weight: 0 }, 'weight', 'must be greater than 0'],
      [
        { kind: 'increase', baseline: 0, target: 5, weight: -1 },
        'weight',
        'must be greater than 0',
      ],
      [{ kind: 'milestone', target: 5 }, 'target', 'must be 1 for a milestone (done)'],
      [{ kind: 'sideways', baseline: 0, target: 1 }, 'kind', expect.any(String)],
      [
        { kind: 'increase', baseline: 0, target: 1, cadence: 'daily' },
        'cadence',
        expect.any(String),
      ],
    ])('refuses %j naming %s', async (fields, path, message) => {
      const before = await countRows(testApp);
      const response = await editorBrowser
        .post(url('key-results'))
        .send({ objectiveId, title: 'Bad', ...fields })
        .expect(400);
      expect(fieldErrors(response.body)).toEqual([{ path, message }]);
      expect(await countRows(testApp)).toEqual(before);
    });

    it('accepts a stay-above whose baseline equals its target', async () => {
      await editorBrowser
        .post(url('key-results'))
        .send({ objectiveId, title: 'Hold', kind: 'stay-above', baseline: 99, target: 99 })
        .expect(201);
    });

    it('refuses an unknown objective or metric, naming the field', async () => {
      const unknownObjective = await editorBrowser
        .post(url('key-results'))
        .send({ objectiveId: randomUUID(), title: 'x', kind: 'milestone' })
        .expect(400);
      expect(fieldErrors(unknownObjective.body)[0]?.path).toBe('objectiveId');
      const unknownMetric = await editorBrowser
        .post(url('key-results'))
        .send({ objectiveId, title: 'x', kind: 'stay-below', target: 1, metricKey: 'nope' })
        .expect(400);
      expect(fieldErrors(unknownMetric.body)[0]?.path).toBe('metricKey');
    });

    it('applies the same rules to the result of an edit, and checks the version', async () => {
      const created = keyResultSchema.parse(
        (
          await editorBrowser
            .post(url('key-results'))
            .send({ objectiveId, title: 'Grow', kind: 'increase', baseline: 10, target: 20 })
            .expect(201)
        ).body,
      );
      const equal = await editorBrowser
        .patch(url(`key-results/${created.id}`))
        .send({ target: 10, version: 1 })
        .expect(400);
      expect(fieldErrors(equal.body)).toEqual([
        { path: 'target', message: 'must differ from the baseline' },
      ]);
      const flipped = await editorBrowser
        .patch(url(`key-results/${created.id}`))
        .send({ kind: 'decrease', version: 1 })
        .expect(400);
      expect(fieldErrors(flipped.body)[0]?.path).toBe('target');
      const edited = keyResultSchema.parse(
        (
          await editorBrowser
            .patch(url(`key-results/${created.id}`))
            .send({ kind: 'decrease', target: 5, weight: 2, cadence: 'monthly', version: 1 })
            .expect(200)
        ).body,
      );
      expect(edited).toMatchObject({
        kind: 'decrease',
        baseline: 10,
        target: 5,
        weight: 2,
        cadence: 'monthly',
        version: 2,
      });
      await editorBrowser
        .patch(url(`key-results/${created.id}`))
        .send({ title: 'stale', version: 1 })
        .expect(409);
    });

    it('links and unlinks a metric through metricKey', async () => {
      const metric = await createMetric(testApp, workspace);
      await insertPoints(testApp, metric, [{ timestamp: '2024-02-01T00:00:00Z', value: 15 }]);
      const created = keyResultSchema.parse(
        (
          await editorBrowser
            .post(url('key-results'))
            .send({ objectiveId, title: 'Linked', kind: 'increase', baseline: 10, target: 20 })
            .expect(201)
        ).body,
      );
      const linked = keyResultSchema.parse(
        (
          await editorBrowser
            .patch(url(`key-results/${created.id}`))
            .send({ metricKey: metric.key, version: 1 })
            .expect(200)
        ).body,
      );
      expect(linked).toMatchObject({ metricKey: metric.key, current: 15, progress: 0.5 });
      const unlinked = keyResultSchema.parse(
        (
          await editorBrowser
            .patch(url(`key-results/${created.id}`))
            .send({ metricKey: null, version: 2 })
            .expect(200)
        ).body,
      );
      expect(unlinked).toMatchObject({ metricKey: null, current: null });
      const milestone = await editorBrowser
        .patch(url(`key-results/${created.id}`))
        .send({ kind: 'milestone', metricKey: metric.key, version: 3 })
        .expect(400);
      expect(
        fieldErrors(milestone.body)
          .map(({ path }) => path)
          .sort(),
      ).toEqual(['metricKey']);
    });
  });

  describe('a key result on an archived metric', () => {
    /** Waits until a statement like `pattern` waits for a lock. */
    async function waitUntilBlocked(pattern: string): Promise<void> {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const [row]: { n: string }[] = await testApp.dataSource.query(
          `SELECT count(*) AS n FROM pg_stat_activity
            WHERE "datname" = current_database() AND "wait_event_type" = 'Lock'
              AND "query" LIKE $1`,
          [pattern],
        );
        if (Number(row?.n) >= 1) return;
        if (Date.now() > deadline) throw new Error(`nothing waited in ${pattern}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }

    it('is refused at metricKey on create and when linking, also when archived meanwhile; one it had stays', async () => {
      const period = await createPeriod(testApp, workspace, {
        start: '2024-01-01',
        end: '2024-03-31',
      });
      const objective = await createObjective(testApp, workspace, editor, period);
      const archived = await createMetric(testApp, workspace);
      const racing = await createMetric(testApp, workspace);
      const following = await createKeyResult(testApp, objective, { metric: archived });
      const unlinked = await createKeyResult(testApp, objective);
      await editorBrowser
        .patch(url(`metrics/${archived.key}`))
        .send({ archived: true, version: 1 })
        .expect(200);
      const message = (key: string) =>
        `is an archived metric ("${key}"): an archived metric takes no new key results — unarchive it first`;
      const before = await okrRecordVersions(testApp, workspace);
      const rowsBefore = await countRows(testApp);
      const created = await editorBrowser
        .post(url('key-results'))
        .send({
          objectiveId: objective.id,
          title: 'On a retired metric',
          kind: 'stay-below',
          target: 1,
          metricKey: archived.key,
        })
        .expect(400);
      expect(fieldErrors(created.body)).toEqual([
        { path: 'metricKey', message: message(archived.key) },
      ]);
      const linked = await editorBrowser
        .patch(url(`key-results/${unlinked.id}`))
        .send({ metricKey: archived.key, version: 1 })
        .expect(400);
      expect(fieldErrors(linked.body)).toEqual([
        { path: 'metricKey', message: message(archived.key) },
      ]);
      expect(await okrRecordVersions(testApp, workspace)).toEqual(before);
      expect(await countRows(testApp)).toEqual(rowsBefore);

      // The key result that already followed it stays, and can still be edited.
      expect(
        keyResultSchema.parse(
          (
            await editorBrowser
              .patch(url(`key-results/${following.id}`))
              .send({ title: 'Still here', version: 1 })
              .expect(200)
          ).body,
        ),
      ).toMatchObject({ title: 'Still here', metricKey: archived.key });

      // An archive in progress holds the metric's lock: the create waits for it, then sees it.
      const rowsBeforeRace = await countRows(testApp);
      const runner = testApp.dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        await runner.query(`SELECT 1 FROM "metric" WHERE "id" = $1 FOR NO KEY UPDATE`, [racing.id]);
        await runner.query(`UPDATE "metric" SET "archived" = true WHERE "id" = $1`, [racing.id]);
        const creating = editorBrowser
          .post(url('key-results'))
          .send({
            objectiveId: objective.id,
            title: 'Racing an archive',
            kind: 'stay-below',
            target: 1,
            metricKey: racing.key,
          })
          .then((response) => response);
        await waitUntilBlocked('%FROM "metric"%FOR SHARE%');
        await runner.commitTransaction();
        const response = await creating;
        expect(response.status).toBe(400);
        expect(fieldErrors(response.body)).toEqual([
          { path: 'metricKey', message: message(racing.key) },
        ]);
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
      expect(await countRows(testApp)).toEqual(rowsBeforeRace);
    });
  });

  describe('the unit of a key result following a metric', () => {
    it("is the metric's: an empty unit takes it, another is refused naming unit", async () => {
      const period = await createPeriod(testApp, workspace, {
        start: '2024-01-01',
        end: '2024-03-31',
      });
      const objective = await createObjective(testApp, workspace, editor, period);
      // Fill rate as a fraction (0.42), without a unit.
      const fillRate = await createMetric(testApp, workspace, { key: 'ad-fill-rate' });
      await insertPoints(testApp, fillRate, [{ timestamp: '2024-02-01T00:00:00Z', value: 0.42 }]);
      const latency = await createMetric(testApp, workspace, { key: 'start-latency' });
      await testApp.dataSource.query(`UPDATE "metric" SET "unit" = 'ms' WHERE "id" = $1`, [
        latency.id,
      ]);
      const before = await countRows(testApp);
      const percent = await editorBrowser
        .post(url('key-results'))
        .send({
          objectiveId: objective.id,
          title: 'Fill rate 40 % → 70 %',
          kind: 'increase',
          unit: '%',
          baseline: 40,
          target: 70,
          metricKey: fillRate.key,
        })
        .expect(400);
      expect(fieldErrors(percent.body)).toEqual([
        {
          path: 'unit',
          message:
            "must be empty, the unit of the metric it follows (ad-fill-rate): its baseline and target are compared with the metric's values",
        },
      ]);
      expect(await countRows(testApp)).toEqual(before);

      const create = async (body: object) =>
        keyResultSchema.parse(
          (
            await editorBrowser
              .post(url('key-results'))
              .send({
                objectiveId: objective.id,
                title: 'KR',
                kind: 'stay-below',
                target: 900,
                ...body,
              })
              .expect(201)
          ).body,
        );
      expect(await create({ metricKey: latency.key })).toMatchObject({ unit: 'ms' });
      expect(await create({ metricKey: latency.key, unit: 'ms' })).toMatchObject({ unit: 'ms' });
      const unlinked = await create({ unit: '%' });

      const link = await editorBrowser
        .patch(url(`key-results/${unlinked.id}`))
        .send({ metricKey: latency.key, version: 1 })
        .expect(400);
      expect(fieldErrors(link.body)[0]).toMatchObject({ path: 'unit' });
      expect(fieldErrors(link.body)[0]?.message).toMatch(/^must be "ms", the unit of the metric/);
      const linked = keyResultSchema.parse(
        (
          await editorBrowser
            .patch(url(`key-results/${unlinked.id}`))
            .send({ metricKey: latency.key, unit: '', version: 1 })
            .expect(200)
        ).body,
      );
      expect(linked).toMatchObject({ unit: 'ms', metricKey: latency.key });
      const seconds = await editorBrowser
        .patch(url(`key-results/${unlinked.id}`))
        .send({ unit: 's', version: 2 })
        .expect(400);
      expect(fieldErrors(seconds.body).map(({ path }) => path)).toEqual(['unit']);
    });

    it('keeps the metric on its unit while key results of active objectives follow it, naming up to 5', async () => {
      const period = await createPeriod(testApp, workspace, {
        start: '2024-01-01',
        end: '2024-03-31',
      });
      const objective = await createObjective(testApp, workspace, editor, period);
      const closed = await createObjective(testApp, workspace, editor, period, {
        status: 'closed',
      });
      const metric = await createMetric(testApp, workspace);
      const metricUrl = url(`metrics/${metric.key}`);
      // Nothing follows it yet: its unit may change.
      await editorBrowser.patch(metricUrl).send({ unit: 'ms', version: 1 }).expect(200);
      const followers: string[] = [];
      for (const n of [1, 2, 3, 4, 5, 6]) {
        const created = keyResultSchema.parse(
          (
            await editorBrowser
              .post(url('key-results'))
              .send({
                objectiveId: objective.id,
                title: `Start under 900 ms (${n})`,
                kind: 'stay-below',
                target: 900,
                metricKey: metric.key,
              })
              .expect(201)
          ).body,
        );
        expect(created.unit).toBe('ms');
        followers.push(created.id);
      }
      const ofClosed = await createKeyResult(testApp, closed, { metric });
      await testApp.dataSource.query(`UPDATE "key_result" SET "unit" = 'ms' WHERE "id" = $1`, [
        ofClosed.id,
      ]);

      const before = await okrRecordVersions(testApp, workspace);
      const refused = await editorBrowser
        .patch(metricUrl)
        .send({ unit: 's', version: 2 })
        .expect(409);
      const problem = problemSchema.parse(refused.body);
      expect(problem.type).toMatch(/\/metric-unit-in-use$/);
      const message =
        'cannot change from "ms" to "s" while key results of active objectives follow the metric ("Start under 900 ms (1)", "Start under 900 ms (2)", "Start under 900 ms (3)", "Start under 900 ms (4)", "Start under 900 ms (5)" and 1 more): their baselines and targets are numbers in "ms". Unlink them or link them to another metric, or close their objectives, first — or create a new metric for the new unit';
      expect(problem.errors).toEqual([{ path: 'unit', message }]);
      expect(problem.detail).toBe(`The unit of metric "${metric.key}" ${message}.`);
      expect(await okrRecordVersions(testApp, workspace)).toEqual(before);
      // Other edits, and the same unit sent again, still go through.
      await editorBrowser
        .patch(metricUrl)
        .send({ name: 'Start latency', unit: 'ms', version: 2 })
        .expect(200);

      // Once none of an active objective follows it, the unit changes; the closed quarter's
      // key result keeps the unit it ended with.
      for (const id of followers.slice(1)) {
        await editorBrowser
          .patch(url(`key-results/${id}`))
          .send({ metricKey: null, version: 1 })
          .expect(200);
      }
      const last = await editorBrowser.patch(metricUrl).send({ unit: '', version: 3 }).expect(409);
      expect(problemSchema.parse(last.body).errors?.[0]?.message).toMatch(
        /^cannot change from "ms" to no unit while key results of active objectives follow the metric \("Start under 900 ms \(1\)"\):/,
      );
      await editorBrowser
        .patch(`${url('objectives')}/${objective.id}`)
        .send({ status: 'closed', version: 1 })
        .expect(200);
      expect(
        (await editorBrowser.patch(metricUrl).send({ unit: 's', version: 3 }).expect(200)).body,
      ).toMatchObject({ unit: 's' });
      const stored: { unit: string }[] = await testApp.dataSource.query(
        `SELECT "unit" FROM "key_result" WHERE "id" = ANY($1::uuid[])`,
        [[followers[0], ofClosed.id]],
      );
      expect(stored).toEqual([{ unit: 'ms' }, { unit: 'ms' }]);
    });
  });

  describe('key results of an objective that is not active', () => {
    it.each(['closed', 'cancelled'] as const)(
      'refuses adding, editing or moving a key result of a %s objective, storing nothing',
      async (status) => {
        const period = await createPeriod(testApp, workspace, {
          start: '2024-01-01',
          end: '2024-03-31',
        });
        const ended = await createObjective(testApp, workspace, editor, period, { status });
        const graded = await createKeyResult(testApp, ended, { baseline: 0, target: 100 });
        const active = await createObjective(testApp, workspace, editor, period);
        const running = await createKeyResult(testApp, active, { baseline: 0, target: 100 });
        const refusal = {
          path: 'objective.status',
          message: `is ${status}: only key results of active objectives can be added or changed — reopen it first`,
        };
        const before = await countRows(testApp);

        const added = await editorBrowser
          .post(url('key-results'))
          .send({ objectiveId: ended.id, title: 'Late', kind: 'increase', baseline: 0, target: 1 })
          .expect(400);
        expect(fieldErrors(added.body)).toEqual([refusal]);
        const edited = await editorBrowser
          .patch(url(`key-results/${graded.id}`))
          .send({ target: 60, version: 1 })
          .expect(400);
        expect(fieldErrors(edited.body)).toEqual([refusal]);
        const movedOut = await editorBrowser
          .patch(url(`key-results/${graded.id}`))
          .send({ objectiveId: active.id, version: 1 })
          .expect(400);
        expect(fieldErrors(movedOut.body)).toEqual([refusal]);
        const movedIn = await editorBrowser
          .patch(url(`key-results/${running.id}`))
          .send({ objectiveId: ended.id, version: 1 })
          .expect(400);
        expect(fieldErrors(movedIn.body)).toEqual([
          {
            path: 'objectiveId',
            message: `is a ${status} objective: key results can only move to an active one`,
          },
        ]);
        expect(await countRows(testApp)).toEqual(before);
        expect(
          keyResultSchema.parse(
            (await editorBrowser.get(url(`key-results/${graded.id}`)).expect(200)).body,
          ),
        ).toMatchObject({ target: 100, version: 1, objectiveId: ended.id });

        // Reopened, it takes changes again.
        await editorBrowser
          .patch(url(`objectives/${ended.id}`))
          .send({ status: 'active', version: 1 })
          .expect(200);
        await editorBrowser
          .patch(url(`key-results/${graded.id}`))
          .send({ target: 60, version: 1 })
          .expect(200);
      },
    );
  });

  describe('becoming a milestone', () => {
    const MILESTONE_REFUSED = (date: string, value: number) =>
      `cannot become a milestone while a check-in (dated ${date}) is ${value}: only a key result whose check-ins are all 0 or 1 can`;

    async function keyResultCheckedIn(
      period: { start: string; end: string },
      checkIns: { value: number; date: string }[],
    ) {
      const created = await createPeriod(testApp, workspace, period);
      const objective = await createObjective(testApp, workspace, editor, created);
      const keyResult = await createKeyResult(testApp, objective, { baseline: 0, target: 100 });
      for (const checkIn of checkIns) {
        await editorBrowser
          .post(url(`key-results/${keyResult.id}/check-ins`))
          .send({ ...checkIn, confidence: 'on-track' })
          .expect(201);
      }
      return { period: created, keyResult };
    }

    it('refuses while any check-in is not 0 or 1, so no later edit of the period can break its views', async () => {
      const { period, keyResult } = await keyResultCheckedIn(
        { start: '2024-01-01', end: '2024-03-31' },
        [
          { value: 42, date: '2024-02-01' },
          { value: 1, date: '2024-02-10' },
        ],
      );
      // The latest check-in is 1, but the period's end moved to 02-05 would read the 42.
      const response = await editorBrowser
        .patch(url(`key-results/${keyResult.id}`))
        .send({ kind: 'milestone', version: 1 })
        .expect(400);
      expect(fieldErrors(response.body)).toEqual([
        { path: 'kind', message: MILESTONE_REFUSED('2024-02-01', 42) },
      ]);
      await editorBrowser
        .patch(url(`periods/${period.id}`))
        .send({ end: '2024-02-05', version: 1 })
        .expect(200);
      const objectives = objectivePageSchema.parse(
        (await editorBrowser.get(url(`objectives?period=${period.id}`)).expect(200)).body,
      );
      expect(objectives.items).toHaveLength(1);
      expect(
        keyResultSchema.parse(
          (await editorBrowser.get(url(`key-results/${keyResult.id}`)).expect(200)).body,
        ),
      ).toMatchObject({ kind: 'increase', current: 42 });
    });

    it('answers 400 at kind, not 500, when the period is over and its last reading is not 0 or 1', async () => {
      const clockAfter = pinToday(testApp, '2024-01-10');
      try {
        const { keyResult } = await keyResultCheckedIn({ start: '2023-10-01', end: '2023-12-31' }, [
          { value: 42, date: '2023-12-20' },
          { value: 1, date: '2024-01-05' },
        ]);
        const response = await editorBrowser
          .patch(url(`key-results/${keyResult.id}`))
          .send({ kind: 'milestone', version: 1 })
          .expect(400);
        expect(fieldErrors(response.body)).toEqual([
          { path: 'kind', message: MILESTONE_REFUSED('2023-12-20', 42) },
        ]);
      } finally {
        clockAfter.restore();
      }
    });

    it('still turns a key result whose check-ins are all 0 or 1 into a milestone', async () => {
      const { keyResult } = await keyResultCheckedIn({ start: '2024-01-01', end: '2024-03-31' }, [
        { value: 0, date: '2024-02-01' },
        { value: 1, date: '2024-02-10' },
      ]);
      const edited = keyResultSchema.parse(
        (
          await editorBrowser
            .patch(url(`key-results/${keyResult.id}`))
            .send({ kind: 'milestone', version: 1 })
            .expect(200)
        ).body,
      );
      expect(edited).toMatchObject({ kind: 'milestone', baseline: 0, target: 1, current: 1 });
    });
  });

  describe('deleting', () => {
    it("takes a key result and its check-ins out of its objective's numbers", async () => {
      const period = await createPeriod(testApp, workspace, {
        start: '2024-01-01',
        end: '2024-03-31',
      });
      const objective = await createObjective(testApp, workspace, editor, period);
      const create = async (body: object) =>
        keyResultSchema.parse(
          (
            await editorBrowser
              .post(url('key-results'))
              .send({ objectiveId: objective.id, title: 'KR', kind: 'increase', ...body })
              .expect(201)
          ).body,
        );
      const kept = await create({ title: 'Listeners', baseline: 0, target: 100 });
      const mistaken = await create({ title: 'Duplicate', baseline: 0, target: 100, weight: 3 });
      const checkIn = (keyResultId: string, value: number) =>
        editorBrowser
          .post(url(`key-results/${keyResultId}/check-ins`))
          .send({ value, confidence: 'on-track', date: '2024-02-10' })
          .expect(201);
      await checkIn(kept.id, 80);
      await checkIn(mistaken.id, 0);
      const objectiveNow = async () =>
        objectiveSchema.parse(
          (await editorBrowser.get(url(`objectives/${objective.id}`)).expect(200)).body,
        );
      // (1·0.8 + 3·0) / 4 = 0.2 with the mistaken key result.
      expect((await objectiveNow()).progress).toBeCloseTo(0.2, 12);

      await editorBrowser.delete(url(`key-results/${mistaken.id}`)).expect(204);

      const after = await objectiveNow();
      expect(after.progress).toBeCloseTo(0.8, 12);
      expect(after).toMatchObject({ pace: 'on-track', score: 0.8 });
      await editorBrowser.get(url(`key-results/${mistaken.id}`)).expect(404);
      await editorBrowser.get(url(`key-results/${mistaken.id}/check-ins`)).expect(404);
      const listed = keyResultPageSchema.parse(
        (await editorBrowser.get(url(`key-results?objective=${objective.id}`)).expect(200)).body,
      );
      expect(listed.items.map(({ id }) => id)).toEqual([kept.id]);
      const [checkIns]: { count: string }[] = await testApp.dataSource.query(
        `SELECT count(*) FROM "check_in" WHERE "key_result_id" = $1`,
        [mistaken.id],
      );
      expect(checkIns?.count).toBe('0');
      const [event]: { action: string; target_label: string }[] = await testApp.dataSource.query(
        `SELECT "action", "target_label" FROM "audit_event"
          WHERE "workspace_id" = $1 AND "target_id" = $2 ORDER BY "created_at" DESC LIMIT 1`,
        [workspace.id, mistaken.id],
      );
      expect(event).toEqual({
        action: 'key-result.deleted',
        target_label: 'Key result · Duplicate',
      });
      await editorBrowser.delete(url(`key-results/${mistaken.id}`)).expect(404);
    });

    it('keeps the key results of a closed or cancelled objective, and lets only editors of its workspace delete', async () => {
      const period = await createPeriod(testApp, workspace, {
        start: '2024-01-01',
        end: '2024-03-31',
      });
      const closed = await createObjective(testApp, workspace, editor, period, {
        status: 'closed',
      });
      const graded = await createKeyResult(testApp, closed);
      const cancelled = await createObjective(testApp, workspace, editor, period, {
        status: 'cancelled',
      });
      const dropped = await createKeyResult(testApp, cancelled);
      const active = await createObjective(testApp, workspace, editor, period);
      const keyResult = await createKeyResult(testApp, active);
      const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
      const outsider = await createUser(testApp);
      const theirWorkspace = await createWorkspace(testApp, outsider);
      const theirs = await signIn(testApp, outsider);
      const before = await countRows(testApp);

      for (const kept of [graded, dropped]) {
        const refused = await editorBrowser.delete(url(`key-results/${kept.id}`)).expect(400);
        expect(fieldErrors(refused.body).map(({ path }) => path)).toEqual(['objective.status']);
      }
      await viewer.delete(url(`key-results/${keyResult.id}`)).expect(403);
      await theirs
        .delete(`/api/workspaces/${theirWorkspace.slug}/key-results/${keyResult.id}`)
        .expect(404);
      await editorBrowser.delete(url(`key-results/${randomUUID()}`)).expect(404);
      expect(await countRows(testApp)).toEqual(before);
    });
  });
});
