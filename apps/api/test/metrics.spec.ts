import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  metricPageSchema,
  metricSchema,
  portfolioSchema,
  problemSchema,
  seriesResponseSchema,
} from '@bearing/contracts';
import { addDays } from '@bearing/metrics';
import {
  type Browser,
  createMember,
  createUser,
  createWorkspace,
  signIn,
  type TestWorkspace,
} from './support/factories.js';
import {
  createGuardrail,
  createMetric,
  insertPoints,
  pinToday,
  storedPoints,
} from './support/okr-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('metrics', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let editorBrowser: Browser;
  const url = (path: string) => `/api/workspaces/${workspace.slug}/${path}`;
  const fieldErrors = (body: unknown) => problemSchema.parse(body).errors ?? [];

  beforeAll(async () => {
    testApp = await createTestApp();
    const admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    editorBrowser = await signIn(testApp, await createMember(testApp, workspace, 'editor'));
  });
  afterAll(async () => {
    await testApp.close();
  });

  describe('definitions', () => {
    it('creates metrics with a key unique in the workspace, lists them by key and edits them', async () => {
      const body = {
        key: 'podcast.ad_fill_rate',
        name: 'Podcast ad fill rate',
        unit: '%',
        category: 'business-impact',
        direction: 'increase-is-good',
        description: 'Share of ad slots filled.',
      };
      const created = metricSchema.parse(
        (await editorBrowser.post(url('metrics')).send(body).expect(201)).body,
      );
      expect(created).toMatchObject({ ...body, latest: null, version: 1 });
      const taken = await editorBrowser.post(url('metrics')).send(body).expect(409);
      expect(problemSchema.parse(taken.body).type).toMatch(/metric-key-taken$/);
      // The same key is free in another workspace.
      const other = await createUser(testApp);
      const otherWorkspace = await createWorkspace(testApp, other);
      await (
        await signIn(testApp, other)
      )
        .post(`/api/workspaces/${otherWorkspace.slug}/metrics`)
        .send(body)
        .expect(201);

      await editorBrowser
        .post(url('metrics'))
        .send({
          key: 'crash_free',
          name: 'Crash-free sessions',
          category: 'technical-health',
          direction: 'increase-is-good',
        })
        .expect(201);
      const page = metricPageSchema.parse(
        (await editorBrowser.get(url('metrics')).expect(200)).body,
      );
      const keys = page.items.map(({ key }) => key);
      expect(keys).toEqual([...keys].sort());
      const technical = metricPageSchema.parse(
        (await editorBrowser.get(url('metrics?category=technical-health')).expect(200)).body,
      );
      expect(technical.items.map(({ key }) => key)).toEqual(['crash_free']);

      const edited = metricSchema.parse(
        (
          await editorBrowser
            .patch(url('metrics/podcast.ad_fill_rate'))
            .send({ name: 'Ad fill rate', version: 1 })
            .expect(200)
        ).body,
      );
      expect(edited).toMatchObject({
        key: 'podcast.ad_fill_rate',
        name: 'Ad fill rate',
        version: 2,
      });
      await editorBrowser
        .patch(url('metrics/podcast.ad_fill_rate'))
        .send({ name: 'Stale', version: 1 })
        .expect(409);
      const rekey = await editorBrowser
        .patch(url('metrics/podcast.ad_fill_rate'))
        .send({ key: 'other', version: 2 })
        .expect(400);
      expect(fieldErrors(rekey.body)[0]?.path).toBe('key');
    });

    it('refuses malformed keys and unknown enums, naming the field', async () => {
      const response = await editorBrowser
        .post(url('metrics'))
        .send({ key: 'Bad Key', name: 'x', category: 'vanity', direction: 'up' })
        .expect(400);
      expect(
        fieldErrors(response.body)
          .map(({ path }) => path)
          .sort(),
      ).toEqual(['category', 'direction', 'key']);
      await editorBrowser.get(url('metrics/no-such-metric')).expect(404);
      await editorBrowser.get(url('metrics/NOT%20A%20KEY')).expect(400);
    });
  });

  it('refuses a series range outside years 0001–9999 in UTC, naming the bound', async () => {
    const metric = await createMetric(testApp, workspace);
    const range = 'must be a moment from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z in UTC';
    const from = await editorBrowser
      .get(url(`metrics/${metric.key}/series?from=0000-01-01`))
      .expect(400);
    expect(fieldErrors(from.body)).toEqual([{ path: 'from', message: range }]);
    const to = await editorBrowser
      .get(url(`metrics/${metric.key}/series`))
      .query({ to: '9999-12-31T23:00:00-05:00' })
      .expect(400);
    expect(fieldErrors(to.body)).toEqual([{ path: 'to', message: range }]);
    await editorBrowser
      .get(url(`metrics/${metric.key}/series?from=0001-01-01&to=9999-12-31`))
      .expect(200);
  });

  describe('series', () => {
    it('returns the points in a range with the metric’s XmR chart over them', async () => {
      const metric = await createMetric(testApp, workspace);
      // Wheeler's example in @bearing/metrics: mean 8, mR̄ = 25/7, limits 8 ± 2.66 · 25/7.
      const values = [5, 7, 6, 8, 6, 7, 5, 20];
      await insertPoints(
        testApp,
        metric,
        values.map((value, index) => ({
          timestamp: `2026-01-${String(index + 1).padStart(2, '0')}T00:00:00Z`,
          value,
        })),
      );
      const series = seriesResponseSchema.parse(
        (await editorBrowser.get(url(`metrics/${metric.key}/series`)).expect(200)).body,
      );
      expect(series.bucket).toBe('none');
      expect(series.points.map(({ value }) => value)).toEqual(values);
      expect(series.points[0]).toEqual({
        timestamp: '2026-01-01T00:00:00.000Z',
        value: 5,
        count: 1,
      });
      expect(series.xmr?.basis).toBe('metric');
      expect(series.xmr?.segments).toHaveLength(1);
      const segment = series.xmr?.segments[0];
      expect(segment).toMatchObject({
        first: 0,
        last: 7,
        mean: 8,
        // Eight values, fewer than the 20 limits settle on: provisional.
        window: {
          from: '2026-01-01T00:00:00.000Z',
          to: '2026-01-08T00:00:00.000Z',
          count: 8,
          provisional: true,
        },
        shift: null,
      });
      expect(segment?.averageMovingRange).toBeCloseTo(25 / 7, 12);
      expect(segment?.upperLimit).toBeCloseTo(8 + 2.66 * (25 / 7), 12);
      expect(series.xmr?.movingRanges).toEqual([2, 1, 2, 2, 1, 2, 15]);
      expect(series.xmr?.signals).toEqual([
        { index: 7, rule: 'beyond-limits' },
        { index: 7, rule: 'range-beyond-limit' },
      ]);
      expect(series.status).toEqual({
        state: 'signal',
        signal: {
          timestamp: '2026-01-08T00:00:00.000Z',
          value: 20,
          rules: ['beyond-limits', 'range-beyond-limit'],
        },
        limits: {
          mean: 8,
          upperLimit: segment?.upperLimit,
          lowerLimit: segment?.lowerLimit,
          window: segment?.window,
        },
        shift: null,
      });

      // An older value joins the metric's analysis: a range without it still shows the
      // metric's limits, which now come from December on.
      await insertPoints(testApp, metric, [{ timestamp: '2025-12-01T00:00:00Z', value: 1000 }]);
      const january = seriesResponseSchema.parse(
        (
          await editorBrowser
            .get(url(`metrics/${metric.key}/series?from=2026-01-01&to=2026-01-08`))
            .expect(200)
        ).body,
      );
      expect(january.points.map(({ value }) => value)).toEqual(values);
      expect(january.xmr?.basis).toBe('metric');
      expect(january.xmr?.segments.map(({ first, last, window }) => [first, last, window])).toEqual(
        [
          [
            0,
            7,
            {
              from: '2025-12-01T00:00:00.000Z',
              to: '2026-01-08T00:00:00.000Z',
              count: 9,
              provisional: true,
            },
          ],
        ],
      );
      expect(january.xmr?.movingRanges).toEqual([2, 1, 2, 2, 1, 2, 15]);
      expect(january.status.limits?.window).toEqual(january.xmr?.segments[0]?.window);

      // `to` as a date includes that whole day; an instant bound is inclusive too.
      const partial = seriesResponseSchema.parse(
        (
          await editorBrowser
            .get(url(`metrics/${metric.key}/series?from=2026-01-07T00:00:00Z&to=2026-01-07`))
            .expect(200)
        ).body,
      );
      expect(partial.points.map(({ value }) => value)).toEqual([5]);
      expect(partial.xmr).toBeNull();
      expect(partial.status).toEqual(january.status);
      const everything = seriesResponseSchema.parse(
        (await editorBrowser.get(url(`metrics/${metric.key}/series`)).expect(200)).body,
      );
      expect(everything.points).toHaveLength(9);
      const backwards = await editorBrowser
        .get(url(`metrics/${metric.key}/series?from=2026-01-08&to=2026-01-01`))
        .expect(400);
      expect(fieldErrors(backwards.body)[0]?.path).toBe('to');
    });

    it('buckets long ranges into the finest calendar unit that keeps at most 500 points', async () => {
      const metric = await createMetric(testApp, workspace);
      // 600 hourly points from 2026-01-01T00:00Z: 600 hour buckets are too many, 25 days fit.
      const start = Date.parse('2026-01-01T00:00:00Z');
      await insertPoints(
        testApp,
        metric,
        Array.from({ length: 600 }, (_, hour) => ({
          timestamp: new Date(start + hour * 3_600_000).toISOString(),
          value: hour,
        })),
      );
      const series = seriesResponseSchema.parse(
        (await editorBrowser.get(url(`metrics/${metric.key}/series`)).expect(200)).body,
      );
      expect(series.bucket).toBe('day');
      expect(series.points).toHaveLength(25);
      // Day 1 holds hours 0…23: mean 11.5; the last day hours 576…599: mean 587.5.
      expect(series.points[0]).toEqual({
        timestamp: '2026-01-01T00:00:00.000Z',
        value: 11.5,
        count: 24,
      });
      expect(series.points.at(-1)).toEqual({
        timestamp: '2026-01-25T00:00:00.000Z',
        value: 587.5,
        count: 24,
      });
      expect(series.xmr?.movingRanges.every((range) => range === 24)).toBe(true);
      // Daily means are not the stored values: their chart is their own, by the same rule.
      expect(series.xmr?.basis).toBe('range');
      // The status judges the stored hourly values; they climb, so its limits are the newest.
      expect(series.status.limits?.window.to).toBe('2026-01-25T23:00:00.000Z');

      // A range of exactly 500 points is returned as it is.
      const raw = seriesResponseSchema.parse(
        (
          await editorBrowser
            .get(
              url(
                `metrics/${metric.key}/series?from=2026-01-01T00:00:00Z&to=${new Date(start + 499 * 3_600_000).toISOString()}`,
              ),
            )
            .expect(200)
        ).body,
      );
      expect(raw.bucket).toBe('none');
      expect(raw.points).toHaveLength(500);
    });
  });
  describe('one XmR status on the metric page, in the metrics list and on the portfolio', () => {
    const TODAY = '2026-03-24';
    /** Ten values around 200.5 (their mean), alternating above and below it. */
    const AROUND_200 = [203, 198, 201, 196, 205, 199, 202, 200, 204, 197];
    const cycles = (count: number, offset = 0) =>
      Array.from({ length: count * 10 }, (_, index) => AROUND_200[index % 10]! + offset);
    /** 20 values of `AROUND_200`: mR̄ = (44 + 6 + 44) / 19. */
    const AVERAGE_MOVING_RANGE = 94 / 19;
    const dayBefore = (days: number) => `${addDays(TODAY, -days)}T00:00:00.000Z`;

    /** Stores `values` one a day, the last one today, and reads the metric back everywhere. */
    async function everywhere(key: string, values: readonly number[]) {
      const metric = await createMetric(testApp, workspace, { key });
      await insertPoints(
        testApp,
        metric,
        values.map((value, index) => ({ timestamp: dayBefore(values.length - 1 - index), value })),
      );
      const clock = pinToday(testApp, TODAY);
      try {
        const get = async (path: string): Promise<unknown> =>
          (await editorBrowser.get(url(path)).expect(200)).body;
        const page = seriesResponseSchema.parse(await get(`metrics/${key}/series`));
        const lastMonth = seriesResponseSchema.parse(
          await get(`metrics/${key}/series?from=${addDays(TODAY, -29)}`),
        );
        const row = metricPageSchema
          .parse(await get('metrics?limit=200'))
          .items.find((item) => item.key === key);
        const tile = portfolioSchema
          .parse(await get('portfolio'))
          .kpis.find((kpi) => kpi.key === key);
        // The three surfaces show one status, one sparkline and the same marks on it.
        expect(row?.trend.status).toEqual(page.status);
        expect(tile?.trend).toEqual(row?.trend);
        expect(lastMonth.status).toEqual(page.status);
        // The page's chart ends with the limits the status names, whatever its range.
        for (const series of [page, lastMonth]) {
          expect(series.xmr?.basis).toBe('metric');
          const current = series.xmr?.segments.at(-1);
          expect(current && { ...page.status.limits, shift: page.status.shift }).toEqual({
            mean: current?.mean,
            upperLimit: current?.upperLimit,
            lowerLimit: current?.lowerLimit,
            window: current?.window,
            shift: current?.shift,
          });
        }
        return { page, lastMonth, trend: row!.trend };
      } finally {
        clock.restore();
      }
    }

    it('a shift long ago: routine everywhere, on limits from the 20 values after it', async () => {
      // 40 days around 200.5, then 40 around 240.5. `xmr` over all 80 flags nearly every value
      // (the old list: dozens of signals) while the last 30 alone look routine (the old tile).
      const { page, lastMonth, trend } = await everywhere('xmr.shifted', [
        ...cycles(4),
        ...cycles(4, 40),
      ]);
      expect(page.status).toMatchObject({
        state: 'routine',
        signal: null,
        limits: {
          mean: 240.5,
          window: { from: dayBefore(39), to: dayBefore(20), count: 20, provisional: false },
        },
        shift: { direction: 'up', startedAt: dayBefore(39), detectedAt: dayBefore(32) },
      });
      expect(page.status.limits?.upperLimit).toBeCloseTo(240.5 + 2.66 * AVERAGE_MOVING_RANGE, 9);
      expect(trend.sparkline).toHaveLength(30);
      expect(trend.sparklineSignals).toEqual([]);
      // The metric page draws both sets of limits and reports the shift once.
      expect(
        page.xmr?.segments.map(({ first, last, mean, shift }) => [first, last, mean, shift]),
      ).toEqual([
        [0, 39, 200.5, null],
        [40, 79, 240.5, page.status.shift],
      ]);
      expect(page.xmr?.signals).toEqual([{ index: 47, rule: 'run-of-eight' }]);
      expect(lastMonth.xmr?.segments.map(({ first, last }) => [first, last])).toEqual([[0, 29]]);
      expect(lastMonth.xmr?.signals).toEqual([]);
    });

    it('a recent shift: a signal everywhere, on provisional limits from the values since', async () => {
      // 30 days around 200.5, then 10 days around 240.5.
      const { page, trend } = await everywhere('xmr.recent-shift', [
        ...cycles(3),
        ...cycles(1, 40),
      ]);
      expect(page.status).toMatchObject({
        state: 'signal',
        signal: { timestamp: dayBefore(2), value: 240, rules: ['run-of-eight'] },
        limits: {
          mean: 240.5,
          window: { from: dayBefore(9), to: dayBefore(0), count: 10, provisional: true },
        },
        shift: { direction: 'up', startedAt: dayBefore(9), detectedAt: dayBefore(2) },
      });
      expect(trend.sparklineSignals).toEqual([27]);
      expect(page.xmr?.signals).toEqual([{ index: 37, rule: 'run-of-eight' }]);
    });

    it('a new metric whose last values are beyond its provisional limits: a signal everywhere', async () => {
      // Twelve values alternating 85/115, then two at 200: mean 1600 / 14, mR̄ = 415 / 13.
      const { page, trend } = await everywhere('xmr.new', [
        ...Array.from({ length: 12 }, (_, index) => (index % 2 === 0 ? 85 : 115)),
        200,
        200,
      ]);
      expect(page.status).toMatchObject({
        state: 'signal',
        signal: { timestamp: dayBefore(0), value: 200, rules: ['beyond-limits'] },
        limits: {
          window: { from: dayBefore(13), to: dayBefore(0), count: 14, provisional: true },
        },
        shift: null,
      });
      expect(page.status.limits?.upperLimit).toBeCloseTo(1600 / 14 + 2.66 * (415 / 13), 9);
      expect(trend.sparklineSignals).toEqual([12, 13]);
      expect(page.xmr?.signals).toEqual([
        { index: 12, rule: 'beyond-limits' },
        { index: 13, rule: 'beyond-limits' },
      ]);
    });
  });

  it('archives a metric: off the list and the KPI tiles, refusing points, until unarchived', async () => {
    const retired = await createMetric(testApp, workspace, { key: 'archive.retired' });
    const other = await createMetric(testApp, workspace, { key: 'archive.other' });
    await insertPoints(testApp, retired, [{ timestamp: '2026-01-01T00:00:00.000Z', value: 5 }]);
    const guardrail = await createGuardrail(testApp, retired);
    const listed = async (query = '') =>
      metricPageSchema
        .parse((await editorBrowser.get(url(`metrics?limit=200${query}`)).expect(200)).body)
        .items.map(({ key }) => key);
    const tiles = async () =>
      portfolioSchema
        .parse((await editorBrowser.get(url('portfolio')).expect(200)).body)
        .kpis.map(({ key }) => key);
    expect(await listed()).toContain(retired.key);
    expect(await tiles()).toContain(retired.key);

    const archived = metricSchema.parse(
      (
        await editorBrowser
          .patch(url(`metrics/${retired.key}`))
          .send({ archived: true, version: 1 })
          .expect(200)
      ).body,
    );
    expect(archived).toMatchObject({ archived: true, version: 2, latest: { value: 5 } });
    expect(await listed()).not.toContain(retired.key);
    expect(await listed()).toContain(other.key);
    expect(await listed('&archived=true')).toEqual([retired.key]);
    expect(await tiles()).not.toContain(retired.key);
    // Its page, points and guardrails stay.
    expect(
      metricSchema.parse((await editorBrowser.get(url(`metrics/${retired.key}`)).expect(200)).body),
    ).toMatchObject({ archived: true });
    await editorBrowser.get(url(`metrics/${retired.key}/series`)).expect(200);
    await editorBrowser.get(url(`guardrails/${guardrail.id}`)).expect(200);

    const refusedOne = await editorBrowser
      .post(url(`metrics/${retired.key}/points`))
      .send([{ timestamp: '2026-01-02', value: 6 }])
      .expect(409);
    expect(problemSchema.parse(refusedOne.body).type).toMatch(/metric-archived$/);
    const refusedMany = await editorBrowser
      .post(url('metric-points'))
      .send([
        { metric: other.key, timestamp: '2026-01-02', value: 1 },
        { metric: retired.key, timestamp: '2026-01-02', value: 6 },
      ])
      .expect(409);
    expect(problemSchema.parse(refusedMany.body).detail).toContain(`"${retired.key}"`);
    expect(await storedPoints(testApp, retired)).toEqual([
      { timestamp: '2026-01-01T00:00:00.000Z', value: 5 },
    ]);
    expect(await storedPoints(testApp, other)).toEqual([]);
    const [event]: { action: string }[] = await testApp.dataSource.query(
      `SELECT "action" FROM "audit_event"
        WHERE "workspace_id" = $1 AND "target_id" = $2 ORDER BY "created_at" DESC LIMIT 1`,
      [workspace.id, retired.id],
    );
    expect(event?.action).toBe('metric.archived');

    await editorBrowser
      .patch(url(`metrics/${retired.key}`))
      .send({ archived: false, version: 2 })
      .expect(200);
    expect(await listed()).toContain(retired.key);
    expect(await tiles()).toContain(retired.key);
    await editorBrowser
      .post(url(`metrics/${retired.key}/points`))
      .send([{ timestamp: '2026-01-02', value: 6 }])
      .expect(200);
    expect(await storedPoints(testApp, retired)).toHaveLength(2);
  });
});
