import type { SeriesBucket, SeriesResponse, XmrAnalysis, XmrRule } from '@bearing/contracts';

export type { XmrRule };

/** Rules that concern the values themselves (X chart); the range rule belongs to the mR chart. */
const VALUE_RULES: readonly XmrRule[] = ['beyond-limits', 'three-of-four', 'run-of-eight'];

export const XMR_RULE_LABELS: Record<XmrRule, string> = {
  'beyond-limits': 'beyond the limits',
  'three-of-four': '3 of 4 near a limit',
  'run-of-eight': '8 in a row on one side',
  'range-beyond-limit': 'jump beyond the range limit',
};

type ApiSegment = XmrAnalysis['segments'][number];

/** One set of limits and the stretch of rows it covers. */
export interface XmrChartSegment {
  /** Epoch milliseconds of its first and last row, for a time axis. */
  firstTime: number;
  lastTime: number;
  mean: number;
  upperLimit: number;
  /** `null` when the lower limit fell below what the metric can take. */
  lowerLimit: number | null;
  averageMovingRange: number;
  upperRangeLimit: number;
  /** The values the limits come from. */
  window: ApiSegment['window'];
  /** The sustained shift that started these limits, if that happened in the rows shown. */
  shiftInView: NonNullable<ApiSegment['shift']> | null;
}

export interface XmrRow {
  /** Epoch milliseconds, for a time axis. */
  time: number;
  timestamp: string;
  value: number;
  /** Stored points behind this one (more than 1 when bucketed). */
  count: number;
  /** |value − previous value|, from the API; `null` for the first point. */
  movingRange: number | null;
  /** Signals on this value: rules of the X chart. */
  valueSignals: XmrRule[];
  /** Whether its moving range is beyond the upper range limit. */
  rangeSignal: boolean;
  /** The limits this value is judged against: `segments[segment]`. */
  segment: number;
}

export interface XmrChartData {
  rows: XmrRow[];
  /** In time order; the last one holds the current limits. */
  segments: XmrChartSegment[];
  /** `metric`: the metric's own analysis, which its status comes from; `range`: these points' own. */
  basis: XmrAnalysis['basis'];
  bucket: SeriesBucket;
  unit: string;
  /** A guardrail's limit on this metric, drawn as a threshold line; `null` without one. */
  guardrailLimit: number | null;
}

/**
 * Lines the API's series response up for the X and mR charts: each point with its moving range,
 * the signals that fire on it and the limits it is judged against. Nothing is computed here;
 * `null` when the API has no XmR chart (fewer than two points).
 */
export function xmrChartData(
  series: SeriesResponse,
  unit: string,
  guardrailLimit: number | null = null,
): XmrChartData | null {
  const { xmr } = series;
  if (!xmr) return null;
  const rows: XmrRow[] = series.points.map((point, index) => ({
    time: Date.parse(point.timestamp),
    timestamp: point.timestamp,
    value: point.value,
    count: point.count,
    movingRange: index === 0 ? null : (xmr.movingRanges[index - 1] ?? null),
    valueSignals: [],
    rangeSignal: false,
    segment: 0,
  }));
  xmr.segments.forEach(({ first, last }, position) => {
    for (const row of rows.slice(first, last + 1)) row.segment = position;
  });
  for (const { index, rule } of xmr.signals) {
    const row = rows[index];
    if (!row) continue;
    if (VALUE_RULES.includes(rule)) row.valueSignals.push(rule);
    else row.rangeSignal = true;
  }
  const segments = xmr.segments.map((segment): XmrChartSegment => {
    const firstRow = rows[segment.first];
    const shift = segment.shift;
    return {
      firstTime: firstRow?.time ?? 0,
      lastTime: rows[segment.last]?.time ?? 0,
      mean: segment.mean,
      upperLimit: segment.upperLimit,
      lowerLimit: segment.lowerLimit,
      averageMovingRange: segment.averageMovingRange,
      upperRangeLimit: segment.upperRangeLimit,
      window: segment.window,
      shiftInView:
        shift && firstRow && Date.parse(shift.startedAt) === firstRow.time ? shift : null,
    };
  });
  return { rows, segments, basis: xmr.basis, bucket: series.bucket, unit, guardrailLimit };
}

/** The limits of the newest rows: what the status and legends speak of. */
export function currentSegment(data: XmrChartData): XmrChartSegment {
  const last = data.segments[data.segments.length - 1];
  if (!last) throw new RangeError('an XmR chart has at least one segment');
  return last;
}

/** Points with a signal of any rule, latest first — what a signal list reports. */
export function signalRows(data: XmrChartData): XmrRow[] {
  return data.rows.filter((row) => row.valueSignals.length > 0 || row.rangeSignal).reverse();
}
