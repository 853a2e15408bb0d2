import { expect, it } from '@jest/globals';
import { queryResultSchema, type SeriesResponse } from '@bearing/contracts';
import type { Browser } from '../support/factories.js';
import {
  expectOkrRowsToMatchPages,
  expectSignalsToMatchChart,
  runAs,
} from '../support/query-table-expectations.js';

/**
 * The query language's computed columns on the demo workspace equal what the dashboards show:
 * every metric's XmR chart, every objective's and key result's numbers, every sprint's report
 * and velocity, every in-progress item's age on the aging chart, every
 * milestone's slip, RAID item's score and dependency's overdue flag on the program pages.
 * `demo-workspace.spec.ts` runs them on each day it pins, on the workspace it seeded.
 */
const BASE = '/api/workspaces/demo';

type Row = Record<string, unknown>;

/** Registers the checks, run as `agent()` (signed in to the seeded demo workspace). */
export function itQueryTablesMatchTheDashboards(agent: () => Browser): void {
  const get = async <T>(path: string): Promise<T> =>
    (await agent().get(`${BASE}${path}`).expect(200)).body as T;
  const rows = async (query: string): Promise<Row[]> => {
    const response = await agent().post(`${BASE}/queries/run`).send({ query }).expect(200);
    const result = queryResultSchema.parse(response.body);
    expect(result.stats.truncated).toBe(false);
    return result.rows;
  };
  const teamSlugs = async () =>
    (await get<{ items: { slug: string }[] }>('/teams?limit=200')).items.map(({ slug }) => slug);

  it("Sprints equal every sprint's report and every team's velocity", async () => {
    let compared = 0;
    for (const slug of await teamSlugs()) {
      const table = await rows(`Sprints | where team == "${slug}"`);
      const byName = new Map(table.map((row) => [row.name as string, row]));
      const sprints = await get<{
        items: { id: string; name: string; start: string | null; state: string }[];
      }>(`/teams/${slug}/sprints?limit=200`);
      expect(table).toHaveLength(sprints.items.length);
      for (const sprint of sprints.items) {
        const row = byName.get(sprint.name);
        expect(row).toMatchObject({ state: sprint.state, start: sprint.start });
        if (sprint.start === null) continue;
        const summary = await get<Record<string, number | null>>(
          `/teams/${slug}/sprints/${sprint.id}/summary`,
        );
        expect({ sprint: sprint.name, ...row }).toMatchObject({
          sprint: sprint.name,
          committed: summary.committed,
          completed: summary.completed,
          added: summary.added,
          removed: summary.removed,
          sayDo: summary.sayDoRatio,
        });
        compared += 1;
      }
      const velocity = await get<{
        outcomes: {
          name: string;
          committed: number;
          completed: number;
          sayDoRatio: number | null;
        }[];
      }>(`/teams/${slug}/velocity?window=26`);
      for (const outcome of velocity.outcomes) {
        expect(byName.get(outcome.name)).toMatchObject({
          committed: outcome.committed,
          completed: outcome.completed,
          sayDo: outcome.sayDoRatio,
        });
      }
    }
    expect(compared).toBeGreaterThan(200);
    // For the record (not asserted: timings vary): a whole workspace's sprint figures.
    const timed = await agent().post(`${BASE}/queries/run`).send({ query: 'Sprints | count' });
    process.stdout.write(
      `Sprints | count on the demo: ${queryResultSchema.parse(timed.body).stats.elapsedMs} ms\n`,
    );
  }, 120_000);

  it("a percentile of WorkItems.cycleTime equals the cycle-time chart's, team by team", async () => {
    let finished = 0;
    for (const slug of await teamSlugs()) {
      const chart = await get<{
        from: string;
        to: string;
        total: number;
        withoutCycleTime: number;
        percentiles: { p50: number | null; p85: number | null; p95: number | null };
      }>(`/teams/${slug}/flow/cycle-times`);
      const [table] = await rows(
        `WorkItems | where team == "${slug}" and isnotnull(cycleTime)
           and doneDay >= datetime(${chart.from}) and doneDay <= datetime(${chart.to})
         | summarize p50 = percentile(cycleTime, 50), p85 = percentile(cycleTime, 85),
             p95 = percentile(cycleTime, 95), done = count()`,
      );
      expect(table).toEqual({ ...chart.percentiles, done: chart.total - chart.withoutCycleTime });
      finished += chart.total;
    }
    expect(finished).toBeGreaterThan(100);
  });

  it('WorkItems.ageDays equals the aging chart for every item in progress', async () => {
    let compared = 0;
    for (const slug of await teamSlugs()) {
      const aging = await get<{ total: number; items: { key: string; ageDays: number }[] }>(
        `/teams/${slug}/flow/aging`,
      );
      // The chart lists at most 1,000 items: all of them here.
      expect(aging.items).toHaveLength(aging.total);
      const table = await rows(
        `WorkItems | where team == "${slug}" and isnotnull(ageDays) | sort by key asc | project key, ageDays`,
      );
      expect(table).toEqual(
        aging.items
          .map(({ key, ageDays }) => ({ key, ageDays }))
          .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
      );
      compared += table.length;
    }
    expect(compared).toBeGreaterThanOrEqual(5);
  }, 60_000);

  it('Milestones, RaidItems and Dependencies equal the program pages', async () => {
    const programs = await get<{ items: { id: string; name: string }[] }>('/programs?limit=200');
    const [milestones, raidItems, dependencies] = await Promise.all([
      rows('Milestones | project programId, name, slipDays, completedAt'),
      rows('RaidItems | project programId, title, kind, score, status'),
      rows('Dependencies | project programId, description, from, to, overdue'),
    ]);
    let overdue = 0;
    for (const program of programs.items) {
      const page = await get<{ items: { name: string; slipDays: number }[] }>(
        `/programs/${program.id}/milestones?limit=200`,
      );
      expect(
        milestones
          .filter((row) => row.programId === program.id)
          .map(({ name, slipDays }) => ({ name, slipDays })),
      ).toEqual(
        expect.arrayContaining(page.items.map(({ name, slipDays }) => ({ name, slipDays }))),
      );
      expect(milestones.filter((row) => row.programId === program.id)).toHaveLength(
        page.items.length,
      );
      const raid = await get<{
        items: { title: string; kind: string; score: number; status: string }[];
      }>(`/programs/${program.id}/raid?limit=200`);
      const raidRows = raidItems.filter((row) => row.programId === program.id);
      expect(raidRows).toHaveLength(raid.items.length);
      expect(
        raidRows.map(({ title, kind, score, status }) => ({ title, kind, score, status })),
      ).toEqual(
        expect.arrayContaining(
          raid.items.map(({ title, kind, score, status }) => ({ title, kind, score, status })),
        ),
      );
      const deps = await get<{
        items: {
          description: string;
          from: { name: string };
          to: { name: string };
          overdue: boolean;
        }[];
      }>(`/programs/${program.id}/dependencies?limit=200`);
      const depRows = dependencies.filter((row) => row.programId === program.id);
      expect(depRows).toHaveLength(deps.items.length);
      expect(
        depRows.map(({ description, from, to, overdue }) => ({ description, from, to, overdue })),
      ).toEqual(
        expect.arrayContaining(
          deps.items.map(({ description, from, to, overdue }) => ({
            description,
            from: from.name,
            to: to.name,
            overdue,
          })),
        ),
      );
      overdue += deps.items.filter((dependency) => dependency.overdue).length;
    }
    // The demo has one overdue dependency (demo-workspace.spec.ts): the table says so too.
    expect(overdue).toBe(1);
    expect(await rows('Dependencies | where overdue | count')).toEqual([{ Count: 1 }]);
  }, 60_000);

  it("every MetricSignals row is the metric page's XmR chart", async () => {
    const metrics = (await agent().get('/api/workspaces/demo/metrics?limit=200').expect(200)).body
      .items as { key: string }[];
    expect(metrics.length).toBeGreaterThan(3);
    let signalled = 0;
    for (const { key } of metrics) {
      const signals = await runAs(
        agent(),
        'demo',
        `MetricSignals | where metric == "${key}" | sort by timestamp asc`,
      );
      expect(signals.length).toBeGreaterThan(1);
      // The analysed values are the latest ones: the series from the first of them is them.
      const first = signals[0]!.timestamp as string;
      const series = (
        await agent()
          .get(`/api/workspaces/demo/metrics/${key}/series?from=${encodeURIComponent(first)}`)
          .expect(200)
      ).body as SeriesResponse;
      expect(series.xmr?.basis).toBe('metric');
      expectSignalsToMatchChart(signals, series);
      signalled += signals.filter((row) => row.signal !== null).length;
    }
    // The demo's KPIs have real shifts and outliers: the comparison covered signals too.
    expect(signalled).toBeGreaterThan(0);
  });

  it('every Objectives and KeyResults row is what the OKR pages show', async () => {
    await expectOkrRowsToMatchPages(agent(), 'demo');
  });
}
