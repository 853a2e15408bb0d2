import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  metricPageSchema,
  metricSchema,
  problemSchema,
  seriesResponseSchema,
} from '@bearing/contracts';
import {
  type Browser,
  createMember,
  createUser,
  createWorkspace,
  signIn,
  type TestWorkspace,
} from './support/factories.js';
import { createMetric, insertPoints } from './support/okr-factories.js';
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

  describe('series', () => {
    it('returns the points in a range with their XmR analysis', async () => {
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
      await insertPoints(testApp, metric, [{ timestamp: '2025-12-01T00:00:00Z', value: 1000 }]);
      const series = seriesResponseSchema.parse(
        (
          await editorBrowser
            .get(url(`metrics/${metric.key}/series?from=2026-01-01&to=2026-01-08`))
            .expect(200)
        ).body,
      );
      expect(series.bucket).toBe('none');
      expect(series.points.map(({ value }) => value)).toEqual(values);
      expect(series.points[0]).toEqual({
        timestamp: '2026-01-01T00:00:00.000Z',
        value: 5,
        count: 1,
      });
      expect(series.xmr?.mean).toBe(8);
      expect(series.xmr?.averageMovingRange).toBeCloseTo(25 / 7, 12);
      expect(series.xmr?.upperLimit).toBeCloseTo(8 + 2.66 * (25 / 7), 12);
      expect(series.xmr?.movingRanges).toEqual([2, 1, 2, 2, 1, 2, 15]);
      expect(series.xmr?.signals).toEqual([
        { index: 7, rule: 'beyond-limits' },
        { index: 7, rule: 'range-beyond-limit' },
      ]);

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
});
