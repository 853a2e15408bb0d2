import type { QueryResult } from '@bearing/contracts';

/** At most this many lines or bar groups: more would not read apart. */
export const MAX_SERIES = 10;
/** At most this many bars down a bar chart. */
export const MAX_CATEGORIES = 50;

export interface ChartSeries {
  /** Its name in the legend and the tooltip. */
  name: string;
}

export interface TimeChartData {
  kind: 'timechart';
  /** The datetime column along the horizontal axis. */
  x: string;
  series: ChartSeries[];
  /** One row per instant, ascending; `values[i]` is series i's value there (null: none). */
  rows: { time: number; values: (number | null)[] }[];
  /** Series not drawn (beyond `MAX_SERIES`). */
  omitted: number;
}

export interface BarChartData {
  kind: 'barchart';
  /** The column whose values label the bars. */
  category: string;
  series: ChartSeries[];
  rows: { label: string; values: (number | null)[] }[];
  /** Rows not drawn (beyond `MAX_CATEGORIES`). */
  omitted: number;
}

/** Why an answer cannot be drawn as its `render` asks. */
export interface Unchartable {
  kind: 'none';
  reason: string;
}

export type QueryChartData = TimeChartData | BarChartData | Unchartable;

type Column = QueryResult['columns'][number];
const isNumber = (column: Column) => column.type === 'long' || column.type === 'real';
const numeric = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/**
 * How an answer with `render timechart` or `render barchart` is drawn, as KQL's console does:
 * - timechart: the first datetime column along the horizontal axis, a line per number column;
 *   when there are string columns too (`summarize … by bin(timestamp, 1d), team`), a line per
 *   combination of their values (and per number column, when there are several).
 * - barchart: a bar per row, labelled by the first column that is not a number, a bar per
 *   number column.
 * `null` when the answer asks for no chart.
 */
export function queryChartData(result: QueryResult): QueryChartData | null {
  if (result.render === 'timechart') return timeChartData(result);
  if (result.render === 'barchart') return barChartData(result);
  return null;
}

function timeChartData({ columns, rows }: QueryResult): TimeChartData | Unchartable {
  const x = columns.find((column) => column.type === 'datetime');
  const measures = columns.filter(isNumber);
  if (!x) return { kind: 'none', reason: 'A time chart needs a datetime column in the answer.' };
  if (measures.length === 0) {
    return { kind: 'none', reason: 'A time chart needs a number column in the answer.' };
  }
  const splits = columns.filter((column) => column.type === 'string');

  const seriesIndex = new Map<string, number>();
  const series: ChartSeries[] = [];
  let omitted = 0;
  const byTime = new Map<number, (number | null)[]>();
  for (const row of rows) {
    const at = row[x.name];
    const time = typeof at === 'string' ? Date.parse(at) : Number.NaN;
    if (Number.isNaN(time)) continue;
    const group = splits.map((column) => String(row[column.name] ?? '(empty)')).join(' · ');
    for (const measure of measures) {
      const name = seriesName(group, measure.name, splits.length > 0, measures.length > 1);
      let index = seriesIndex.get(name);
      if (index === undefined) {
        if (series.length >= MAX_SERIES) {
          seriesIndex.set(name, -1);
          omitted += 1;
          continue;
        }
        index = series.length;
        seriesIndex.set(name, index);
        series.push({ name });
      }
      if (index < 0) continue;
      const values = byTime.get(time) ?? [];
      values[index] = numeric(row[measure.name]);
      byTime.set(time, values);
    }
  }
  const sorted = [...byTime.entries()].sort(([a], [b]) => a - b);
  return {
    kind: 'timechart',
    x: x.name,
    series,
    rows: sorted.map(([time, values]) => ({
      time,
      values: series.map((_, index) => values[index] ?? null),
    })),
    omitted,
  };
}

function seriesName(group: string, measure: string, split: boolean, severalMeasures: boolean) {
  if (!split) return measure;
  return severalMeasures ? `${group} · ${measure}` : group;
}

function barChartData({ columns, rows }: QueryResult): BarChartData | Unchartable {
  const category = columns.find((column) => !isNumber(column));
  const measures = columns.filter(isNumber).slice(0, MAX_SERIES);
  if (!category || measures.length === 0) {
    return {
      kind: 'none',
      reason: 'A bar chart needs a column to label the bars and a number column.',
    };
  }
  return {
    kind: 'barchart',
    category: category.name,
    series: measures.map((measure) => ({ name: measure.name })),
    rows: rows.slice(0, MAX_CATEGORIES).map((row) => ({
      label: String(row[category.name] ?? '(empty)'),
      values: measures.map((measure) => numeric(row[measure.name])),
    })),
    omitted: Math.max(0, rows.length - MAX_CATEGORIES),
  };
}
