import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { problemSchema, QUERY_ROW_CAP, queryResultSchema } from '@bearing/contracts';
import { quantile } from '@bearing/metrics';
import {
  type Browser,
  countRows,
  createMember,
  createUser,
  createWorkspace,
  signIn,
  type TestWorkspace,
} from './support/factories.js';
import { createMetric, insertPoints, pinToday } from './support/okr-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// Golden answers of the query language on a small fixture whose results are worked out by
// hand below; a second workspace holds look-alike data that no query may ever see.
const UPTIME = [
  { timestamp: '2026-11-01T00:00:00Z', value: 99 },
  { timestamp: '2026-11-02T00:00:00Z', value: 98 },
  { timestamp: '2026-11-03T00:00:00Z', value: 97.5 },
  { timestamp: '2026-11-04T00:00:00Z', value: 100 },
  { timestamp: '2026-11-05T00:00:00Z', value: 96 },
];
const LATENCY = [
  { timestamp: '2026-11-01T10:00:00Z', value: 120 },
  { timestamp: '2026-11-01T20:00:00Z', value: 180 },
];

describe('query language', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let other: TestWorkspace;
  let viewer: Browser;
  let clock: { restore(): void };

  const run = (query: string, as: Browser = viewer) =>
    as.post(`/api/workspaces/${workspace.slug}/queries/run`).send({ query });
  const rows = async (query: string) => {
    const response = await run(query);
    expect(response.status).toBe(200);
    return queryResultSchema.parse(response.body).rows;
  };
  const refusal = async (query: string) => {
    const response = await run(query).expect(400);
    const errors = problemSchema.parse(response.body).errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    return errors[0]!;
  };

  beforeAll(async () => {
    testApp = await createTestApp();
    const admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    other = await createWorkspace(testApp, admin);
    viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
    await insertPoints(testApp, await createMetric(testApp, workspace, { key: 'uptime' }), UPTIME);
    await insertPoints(
      testApp,
      await createMetric(testApp, workspace, { key: 'latency' }),
      LATENCY,
    );
    await insertPoints(testApp, await createMetric(testApp, other, { key: 'uptime' }), [
      { timestamp: '2026-11-04T00:00:00Z', value: -1 },
    ]);
    await insertPoints(testApp, await createMetric(testApp, other, { key: 'secret-kpi' }), [
      { timestamp: '2026-11-04T00:00:00Z', value: -2 },
    ]);
    clock = pinToday(testApp, '2026-11-05');
  });
  afterAll(async () => {
    clock.restore();
    await testApp.close();
  });

  describe('operators and functions', () => {
    it('summarize avg over a where: (99 + 98 + 97.5 + 100 + 96) / 5 = 98.1', async () => {
      const result = await rows('MetricPoints | where metric == "uptime" | summarize avg(value)');
      expect(result).toHaveLength(1);
      expect(result[0]!.avg_value).toBeCloseTo(98.1, 10);
    });

    it('summarize count() by a column, sorted ascending, names the count count_', async () => {
      expect(await rows('MetricPoints | summarize count() by metric | sort by metric asc')).toEqual(
        [
          { metric: 'latency', count_: 2 },
          { metric: 'uptime', count_: 5 },
        ],
      );
    });

    it('bin(timestamp, 1d) groups the two latency values of one day', async () => {
      expect(
        await rows(
          'MetricPoints | where metric == "latency" | summarize n = count(), total = sum(value) by bin(timestamp, 1d)',
        ),
      ).toEqual([{ timestamp: '2026-11-01T00:00:00.000Z', n: 2, total: 300 }]);
    });

    it('bin() of a datetime rounds down to whole sizes from 1970-01-01 UTC; a zero size is empty', async () => {
      // 10:00 and 20:00 in 7 h bins from the epoch: 05:00 and 19:00. 2026-11-01 is day 20,758
      // of the epoch, 20,755 = 7 × 2,965 → the 7-day bin starts on Thursday 2026-10-29.
      expect(
        await rows(
          'MetricPoints | where metric == "latency" | extend week = bin(timestamp, 7d), none = bin(timestamp, 0s), before = bin(datetime(1969-12-31T23:00:00Z), 1d) | summarize n = count() by bin(timestamp, 7h), week, none, before | sort by timestamp asc',
        ),
      ).toEqual([
        {
          timestamp: '2026-11-01T05:00:00.000Z',
          week: '2026-10-29T00:00:00.000Z',
          none: null,
          before: '1969-12-31T00:00:00.000Z',
          n: 1,
        },
        {
          timestamp: '2026-11-01T19:00:00.000Z',
          week: '2026-10-29T00:00:00.000Z',
          none: null,
          before: '1969-12-31T00:00:00.000Z',
          n: 1,
        },
      ]);
    });

    it('top n by, then project, keeps the order', async () => {
      expect(await rows('MetricPoints | top 3 by value desc | project metric, value')).toEqual([
        { metric: 'latency', value: 180 },
        { metric: 'latency', value: 120 },
        { metric: 'uptime', value: 100 },
      ]);
    });

    it('sort by … desc is the default and an earlier sort breaks ties', async () => {
      const result = await rows(
        'MetricPoints | sort by timestamp asc | extend day = startofday(timestamp) | sort by day | take 3 | project metric, timestamp',
      );
      // Latest day first; within 2026-11-01 the earlier sort (timestamp asc) holds.
      expect(result).toEqual([
        { metric: 'uptime', timestamp: '2026-11-05T00:00:00.000Z' },
        { metric: 'uptime', timestamp: '2026-11-04T00:00:00.000Z' },
        { metric: 'uptime', timestamp: '2026-11-03T00:00:00.000Z' },
      ]);
    });

    it('ago() counts back from the clock: two uptime values after 2026-11-03 12:00', async () => {
      expect(await rows('MetricPoints | where timestamp > ago(2d) | count')).toEqual([
        { Count: 2 },
      ]);
      expect(await rows('MetricPoints | where timestamp <= now() - 4d | count')).toEqual([
        { Count: 2 },
      ]);
    });

    it('extend with arithmetic, datetime() literals, take/limit', async () => {
      expect(
        await rows(
          'MetricPoints | where timestamp >= datetime(2026-11-04) | extend doubled = value * 2 | project doubled | sort by doubled asc | limit 5',
        ),
      ).toEqual([{ doubled: 192 }, { doubled: 200 }]);
    });

    it("percentile is the nearest rank, KQL's definition and the metrics package's for the dashboards", async () => {
      const result = await rows(
        'MetricPoints | summarize p85 = percentile(value, 85) by metric | sort by metric asc',
      );
      expect(result[1]!.metric).toBe('uptime');
      const p85 = (values: number[]) => quantile(values, 0.85, 'nearest-rank') ?? Number.NaN;
      expect(result[1]!.p85).toBeCloseTo(p85(UPTIME.map((point) => point.value)), 12);
      expect(result[0]!.p85).toBeCloseTo(p85([120, 180]), 12);
    });

    it('timespans answer as ISO-8601 durations; min/max of datetimes as ISO strings', async () => {
      expect(
        await rows(
          'MetricPoints | where metric == "uptime" | summarize first = min(timestamp), span = max(timestamp) - min(timestamp)',
        ),
      ).toEqual([{ first: '2026-11-01T00:00:00.000Z', span: 'P4D' }]);
    });

    it('string operators ignore case as in KQL; in, !in, has and startswith', async () => {
      expect(await rows('Metrics | where key contains "TIME" | project key')).toEqual([
        { key: 'uptime' },
      ]);
      expect(await rows('Metrics | where key startswith "LAT" | project key')).toEqual([
        { key: 'latency' },
      ]);
      expect(await rows('Metrics | where key in ("uptime", "nope") | project key')).toEqual([
        { key: 'uptime' },
      ]);
      expect(await rows('Metrics | where key !in ("uptime") | project key')).toEqual([
        { key: 'latency' },
      ]);
      expect(await rows('Metrics | where name has "metric" | count')).toEqual([{ Count: 2 }]);
      expect(await rows('Metrics | where name has "metr" | count')).toEqual([{ Count: 0 }]);
    });

    it('countif, dcount, isnull and not()', async () => {
      expect(
        await rows(
          'MetricPoints | summarize big = countif(value > 99), metrics = dcount(metric), nulls = countif(isnull(value)), notBig = countif(not(value > 99))',
        ),
      ).toEqual([{ big: 3, metrics: 2, nulls: 0, notBig: 4 }]);
    });

    it('join … on a column, inner by default and leftouter on request', async () => {
      expect(
        await rows(
          'Metrics | project metric = key, name | join (MetricPoints | where value > 99 | summarize n = count() by metric) on metric | project metric, n | sort by metric asc',
        ),
      ).toEqual([
        { metric: 'latency', n: 2 },
        { metric: 'uptime', n: 1 },
      ]);
      const outer = await rows(
        'Metrics | project metric = key | join kind=leftouter (MetricPoints | where value > 150 | summarize n = count() by metric) on metric | sort by metric asc',
      );
      expect(outer).toEqual([
        { metric: 'latency', metric1: 'latency', n: 1 },
        { metric: 'uptime', metric1: null, n: null },
      ]);
    });

    it('distinct and render', async () => {
      const response = await run(
        'MetricPoints | distinct metric | sort by metric asc | render barchart',
      ).expect(200);
      const result = queryResultSchema.parse(response.body);
      expect(result.rows).toEqual([{ metric: 'latency' }, { metric: 'uptime' }]);
      expect(result.render).toBe('barchart');
      expect(result.columns).toEqual([{ name: 'metric', type: 'string' }]);
    });

    it('says when the answer was cut at the row cap', async () => {
      const many = await createMetric(testApp, workspace, { key: 'many' });
      const start = Date.UTC(2020, 0, 1);
      await insertPoints(
        testApp,
        many,
        Array.from({ length: QUERY_ROW_CAP + 5 }, (_, index) => ({
          timestamp: new Date(start + index * 60_000).toISOString(),
          value: index,
        })),
      );
      const response = await run('MetricPoints | where metric == "many"').expect(200);
      const result = queryResultSchema.parse(response.body);
      expect(result.stats).toMatchObject({ rowCount: QUERY_ROW_CAP, truncated: true });
      expect(result.rows).toHaveLength(QUERY_ROW_CAP);
      await testApp.dataSource.query('DELETE FROM metric WHERE id = $1', [many.id]);
    });
  });

  it('runs every example of docs/query-language.md', async () => {
    const reference = readFileSync(
      new URL('../../../docs/query-language.md', import.meta.url),
      'utf8',
    );
    const examples = [...reference.matchAll(/```kql\n([\s\S]*?)```/g)].flatMap(([, block]) =>
      block!
        .split(/^\/\/.*$/m)
        .map((query) => query.trim())
        .filter((query) => query !== ''),
    );
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const example of examples) {
      const response = await run(example);
      expect({ example, status: response.status }).toEqual({ example, status: 200 });
    }
  });

  describe('errors name the line, column and token', () => {
    it('an unknown column suggests the one meant', async () => {
      expect(await refusal('MetricPoints\n| where vale > 3')).toEqual({
        path: 'query',
        line: 2,
        column: 9,
        token: 'vale',
        message: "unknown column 'vale' in MetricPoints — did you mean 'value'?",
        suggestion: 'value',
      });
    });

    it('unknown tables, operators and functions, type mistakes and syntax errors', async () => {
      expect(await refusal('MetricPoint | count')).toMatchObject({
        token: 'MetricPoint',
        suggestion: 'MetricPoints',
      });
      expect(await refusal('MetricPoints | wher value > 3')).toMatchObject({
        column: 16,
        suggestion: 'where',
      });
      expect(await refusal('MetricPoints | extend x = avrg(value)')).toMatchObject({
        token: 'avrg',
        suggestion: 'avg',
      });
      expect((await refusal('MetricPoints | where value > "high"')).message).toBe(
        "'>' cannot combine a real with a string",
      );
      expect((await refusal('MetricPoints | where value')).message).toBe(
        "'where' needs a true/false condition, not a real",
      );
      expect((await refusal('MetricPoints | summarize value')).message).toMatch(
        /inside an aggregate/,
      );
      expect((await refusal('MetricPoints | where avg(value) > 3')).message).toMatch(
        /use it in 'summarize'/,
      );
      expect(await refusal('MetricPoints | where value >')).toMatchObject({
        line: 1,
        column: 29,
        token: '',
      });
      expect((await refusal('MetricPoints | where value # 3')).message).toBe(
        "unexpected character '#'",
      );
      expect(
        (await refusal('MetricPoints | where timestamp > datetime(2026-13-45)')).message,
      ).toMatch(/is not a date/);
      expect((await refusal('MetricPoints | render pie')).message).toMatch(
        /timechart, barchart or table/,
      );
      expect((await refusal('MetricPoints | render table | count')).message).toBe(
        "'render' must be the last operator",
      );
    });

    it('a run that fails on the data names the operation that failed, not the start', async () => {
      // The first + reaches year 275,816 (PostgreSQL's last is 294,276); the second overflows.
      const dates =
        'MetricPoints | extend later = timestamp + 100000000d | extend much = later + 100000000d | where much > now()';
      expect(await refusal(dates)).toEqual({
        path: 'query',
        line: 1,
        column: dates.lastIndexOf('+') + 1,
        token: '+',
        message: 'the query cannot be computed: timestamp out of range',
      });
      // Each value times 5e305 is a double (at most 180 × 5e305 = 9e307); their sum is not.
      const sums = 'MetricPoints | extend big = value * 5e305 | summarize total = sum(big)';
      expect(await refusal(sums)).toMatchObject({
        line: 1,
        column: sums.indexOf('sum(') + 1,
        token: 'sum',
        message: expect.stringMatching(/^the query cannot be computed: .*out of range/),
      });
      // Over two lines, after a comment: the line and column of the operator that overflowed,
      // the outer of two.
      const spans = 'MetricPoints // far ahead\n| extend x = ago(1d) + 100000000d + 100000000d';
      expect(await refusal(spans)).toMatchObject({
        line: 2,
        column: spans.split('\n')[1]!.lastIndexOf('+') + 1,
        token: '+',
      });
      // A date PostgreSQL cannot take is refused before the run, at the literal.
      expect(await refusal('MetricPoints | where timestamp > datetime(0000-06-01)')).toMatchObject({
        column: 34,
        message: "'0000-06-01' is before the year 1",
      });
    });

    it('a refused body names the field', async () => {
      const response = await viewer
        .post(`/api/workspaces/${workspace.slug}/queries/run`)
        .send({})
        .expect(400);
      expect(problemSchema.parse(response.body).errors?.[0]?.path).toBe('query');
    });
  });

  describe('safety', () => {
    it('injection attempts are data, never SQL, and change nothing', async () => {
      const before = await countRows(testApp);
      for (const attempt of [
        `MetricPoints | where metric == "x'; DROP TABLE metric; --"`,
        `MetricPoints | where metric == 'uptime" OR 1=1 --'`,
        'MetricPoints | where metric == "uptime" // ; DELETE FROM metric',
        'MetricPoints | where metric == "uрtime"', // a Cyrillic р
      ]) {
        const response = await run(attempt).expect(200);
        const result = queryResultSchema.parse(response.body);
        expect(result.rows.every((row) => row.metric === 'uptime')).toBe(true);
      }
      expect((await refusal('public.metric | count')).message).toMatch(
        /unexpected character '\.'|unknown table/,
      );
      expect(await countRows(testApp)).toEqual(before);
    });

    it("another workspace's keys and values are never seen", async () => {
      expect(await rows('MetricPoints | where metric == "secret-kpi"')).toEqual([]);
      expect(await rows('MetricPoints | where value < 0 | count')).toEqual([{ Count: 0 }]);
      expect(await rows('Metrics | summarize dcount(key)')).toEqual([{ dcount_key: 2 }]);
      expect(await rows('MetricPoints | where metric == "uptime" | summarize min(value)')).toEqual([
        { min_value: 96 },
      ]);
    });

    it('the other workspace itself cannot be reached by its slug', async () => {
      await viewer
        .post(`/api/workspaces/${other.slug}/queries/run`)
        .send({ query: 'Metrics' })
        .expect(404);
    });

    it('any text gives an answer or a 400, never a 500', async () => {
      const words = fc.constantFrom(
        'MetricPoints',
        'Metrics',
        '|',
        'where',
        'summarize',
        'by',
        'count()',
        'value',
        'metric',
        '==',
        '>',
        '"x"',
        '3',
        '7d',
        'ago(',
        ')',
        '(',
        ',',
        'bin(timestamp,',
        'sort',
        'take',
        'join',
        'on',
        'extend',
        'project',
        '=',
        'and',
        'not(',
        'percentile(value,',
        'datetime(2026-01-01)',
        '-',
        '/',
      );
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.string({ maxLength: 60 }),
            fc.array(words, { maxLength: 14 }).map((parts) => parts.join(' ')),
          ),
          async (query) => {
            const response = await run(query);
            expect([200, 400]).toContain(response.status);
          },
        ),
        { numRuns: 150 },
      );
    });
  });
});
