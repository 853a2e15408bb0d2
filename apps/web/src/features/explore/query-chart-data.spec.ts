import { describe, expect, it } from '@jest/globals';
import type { QueryResult } from '@bearing/contracts';
import { MAX_SERIES, queryChartData } from './query-chart-data';

const stats = { rowCount: 0, truncated: false, elapsedMs: 1 };
const day = (date: string) => Date.parse(`${date}T00:00:00.000Z`);

describe('queryChartData', () => {
  it('draws nothing for an answer without a chart hint or with render table', () => {
    const result: QueryResult = { columns: [], rows: [], stats };
    expect(queryChartData(result)).toBeNull();
    expect(queryChartData({ ...result, render: 'table' })).toBeNull();
  });

  it('timechart: a line per number column over the datetime column, sorted by time', () => {
    const data = queryChartData({
      columns: [
        { name: 'timestamp', type: 'datetime' },
        { name: 'avg_value', type: 'real' },
        { name: 'max_value', type: 'real' },
      ],
      rows: [
        { timestamp: '2026-11-03T00:00:00.000Z', avg_value: 2, max_value: 5 },
        { timestamp: '2026-11-02T00:00:00.000Z', avg_value: 1, max_value: null },
      ],
      stats,
      render: 'timechart',
    });
    expect(data).toEqual({
      kind: 'timechart',
      x: 'timestamp',
      series: [{ name: 'avg_value' }, { name: 'max_value' }],
      rows: [
        { time: day('2026-11-02'), values: [1, null] },
        { time: day('2026-11-03'), values: [2, 5] },
      ],
      omitted: 0,
    });
  });

  it('timechart: a line per value of the string column a query summarizes by, as KQL does', () => {
    const data = queryChartData({
      columns: [
        { name: 'team', type: 'string' },
        { name: 'doneDay', type: 'datetime' },
        { name: 'count_', type: 'long' },
      ],
      rows: [
        { team: 'web', doneDay: '2026-11-02T00:00:00.000Z', count_: 3 },
        { team: 'api', doneDay: '2026-11-02T00:00:00.000Z', count_: 5 },
        { team: 'web', doneDay: '2026-11-03T00:00:00.000Z', count_: 4 },
      ],
      stats,
      render: 'timechart',
    });
    expect(data).toMatchObject({
      kind: 'timechart',
      x: 'doneDay',
      series: [{ name: 'web' }, { name: 'api' }],
      rows: [
        { time: day('2026-11-02'), values: [3, 5] },
        { time: day('2026-11-03'), values: [4, null] },
      ],
    });
  });

  it('timechart: names each line by group and column when there are several number columns', () => {
    const data = queryChartData({
      columns: [
        { name: 'timestamp', type: 'datetime' },
        { name: 'metric', type: 'string' },
        { name: 'low', type: 'real' },
        { name: 'high', type: 'real' },
      ],
      rows: [{ timestamp: '2026-11-02T00:00:00.000Z', metric: 'nps', low: 1, high: 2 }],
      stats,
      render: 'timechart',
    });
    expect(data).toMatchObject({ series: [{ name: 'nps · low' }, { name: 'nps · high' }] });
  });

  it(`timechart: draws the first ${MAX_SERIES} series and counts the others`, () => {
    const rows = Array.from({ length: MAX_SERIES + 3 }, (_, index) => ({
      timestamp: '2026-11-02T00:00:00.000Z',
      team: `team-${index}`,
      count_: index,
    }));
    const data = queryChartData({
      columns: [
        { name: 'timestamp', type: 'datetime' },
        { name: 'team', type: 'string' },
        { name: 'count_', type: 'long' },
      ],
      rows,
      stats,
      render: 'timechart',
    });
    expect(data).toMatchObject({ kind: 'timechart', omitted: 3 });
    expect(data?.kind === 'timechart' && data.series).toHaveLength(MAX_SERIES);
  });

  it('timechart: says why it cannot draw an answer without a datetime or a number column', () => {
    expect(
      queryChartData({
        columns: [{ name: 'value', type: 'real' }],
        rows: [{ value: 1 }],
        stats,
        render: 'timechart',
      }),
    ).toEqual({ kind: 'none', reason: 'A time chart needs a datetime column in the answer.' });
    expect(
      queryChartData({
        columns: [{ name: 'timestamp', type: 'datetime' }],
        rows: [],
        stats,
        render: 'timechart',
      }),
    ).toEqual({ kind: 'none', reason: 'A time chart needs a number column in the answer.' });
  });

  it('barchart: a bar per row labelled by the first column that is not a number', () => {
    const data = queryChartData({
      columns: [
        { name: 'team', type: 'string' },
        { name: 'p85', type: 'real' },
        { name: 'done', type: 'long' },
      ],
      rows: [
        { team: 'web', p85: 8, done: 30 },
        { team: null, p85: 12, done: 4 },
      ],
      stats,
      render: 'barchart',
    });
    expect(data).toEqual({
      kind: 'barchart',
      category: 'team',
      series: [{ name: 'p85' }, { name: 'done' }],
      rows: [
        { label: 'web', values: [8, 30] },
        { label: '(empty)', values: [12, 4] },
      ],
      omitted: 0,
    });
  });
});
