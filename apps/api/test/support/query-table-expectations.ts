import { expect } from '@jest/globals';
import {
  type KeyResult as KeyResultResponse,
  type Objective as ObjectiveResponse,
  queryResultSchema,
  type SeriesResponse,
} from '@bearing/contracts';
import type { Browser } from './factories.js';

// What the query language's computed tables must equal: the metric page's XmR chart and the
// OKR pages' numbers. Shared by the fixture tests and the demo workspace's.

export type Row = Record<string, unknown>;

/** The rows a query answers, run through the API as `as` in workspace `slug` (200 expected). */
export async function runAs(as: Browser, slug: string, query: string): Promise<Row[]> {
  const response = await as.post(`/api/workspaces/${slug}/queries/run`).send({ query });
  expect({ query, status: response.status }).toEqual({ query, status: 200 });
  return queryResultSchema.parse(response.body).rows;
}

export const byId = (a: Row, b: Row) => String(a.id).localeCompare(String(b.id));

/**
 * The rows of one metric equal its series' points and XmR chart: values, the limits of the
 * segment each lies in, the rules of each (in the chart's order) and, counted here
 * independently, how many values in a row carry its first rule.
 */
export function expectSignalsToMatchChart(signals: Row[], series: SeriesResponse): void {
  const xmr = series.xmr!;
  expect(series.bucket).toBe('none');
  expect(signals.map(({ timestamp, value }) => ({ timestamp, value }))).toEqual(
    series.points.map(({ timestamp, value }) => ({
      timestamp: new Date(timestamp).toISOString(),
      value,
    })),
  );
  const rulesAt = signals.map(() => [] as string[]);
  for (const { index, rule } of xmr.signals) rulesAt[index]!.push(rule);
  for (const segment of xmr.segments) {
    for (let index = segment.first; index <= segment.last; index++) {
      const row = signals[index]!;
      expect(row).toMatchObject({
        mean: segment.mean,
        upperLimit: segment.upperLimit,
        lowerLimit: segment.lowerLimit,
      });
    }
  }
  signals.forEach((row, index) => {
    const rules = rulesAt[index]!;
    expect(row.signal).toBe(rules.length > 0 ? rules.join(', ') : null);
    let run = 0;
    if (rules[0] !== undefined) {
      while (index - run >= 0 && rulesAt[index - run]!.includes(rules[0])) run++;
    }
    expect(row.run).toBe(run);
  });
}

/**
 * Every objective's and key result's row equals its page's numbers (the list endpoints, which
 * every OKR page reads): the rows of `run` (by default a run through the API, now).
 */
export async function expectOkrRowsToMatchPages(
  as: Browser,
  slug: string,
  run: (query: string) => Promise<Row[]> = (query) => runAs(as, slug, query),
): Promise<void> {
  const objectives = (await as.get(`/api/workspaces/${slug}/objectives?limit=200`).expect(200)).body
    .items as ObjectiveResponse[];
  const keyResults = (await as.get(`/api/workspaces/${slug}/key-results?limit=200`).expect(200))
    .body.items as KeyResultResponse[];
  expect(objectives.length).toBeGreaterThan(0);
  expect(keyResults.length).toBeGreaterThan(0);
  const objectiveQuery = 'Objectives | project id, progress, expectedProgress, pace';
  const keyResultQuery =
    'KeyResults | project id, current, progress, expectedProgress, pace, lastCheckIn, checkInDue';
  const objectiveRows = await run(objectiveQuery);
  const keyResultRows = await run(keyResultQuery);
  expect([...objectiveRows].sort(byId)).toEqual(
    objectives
      .map(({ id, progress, expectedProgress, pace }) => ({ id, progress, expectedProgress, pace }))
      .sort(byId),
  );
  expect([...keyResultRows].sort(byId)).toEqual(
    keyResults
      .map(({ id, current, progress, expectedProgress, pace, lastCheckIn, checkInDue }) => ({
        id,
        current,
        progress,
        expectedProgress,
        pace,
        lastCheckIn: lastCheckIn ? `${lastCheckIn.date}T00:00:00.000Z` : null,
        checkInDue,
      }))
      .sort(byId),
  );
}
