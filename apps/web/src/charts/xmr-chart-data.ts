import type { SeriesBucket, SeriesResponse, XmrAnalysis } from '@bearing/contracts';

export type XmrRule = XmrAnalysis['signals'][number]['rule'];

/** Rules that concern the values themselves (X chart); the range rule belongs to the mR chart. */
const VALUE_RULES: readonly XmrRule[] = ['beyond-limits', 'three-of-four', 'run-of-eight'];

export const XMR_RULE_LABELS: Record<XmrRule, string> = {
  'beyond-limits': 'beyond the limits',
  'three-of-four': '3 of 4 near a limit',
  'run-of-eight': '8 in a row on one side',
  'range-beyond-limit': 'jump beyond the range limit',
};

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
}

export interface XmrChartData {
  rows: XmrRow[];
  bucket: SeriesBucket;
  unit: string;
  mean: number;
  upperLimit: number;
  /** `null` when the lower limit fell below what the metric can take. */
  lowerLimit: number | null;
  averageMovingRange: number;
  upperRangeLimit: number;
  /** A guardrail's limit on this metric, drawn as a threshold line; `null` without one. */
  guardrailLimit: number | null;
}

/**
 * Lines the API's series response up for the X and mR charts: each point with its moving range
 * and the signals that fire on it. Nothing is computed here; `null` when the API has no XmR
 * analysis (fewer than two points).
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
  }));
  for (const { index, rule } of xmr.signals) {
    const row = rows[index];
    if (!row) continue;
    if (VALUE_RULES.includes(rule)) row.valueSignals.push(rule);
    else row.rangeSignal = true;
  }
  return {
    rows,
    bucket: series.bucket,
    unit,
    mean: xmr.mean,
    upperLimit: xmr.upperLimit,
    lowerLimit: xmr.lowerLimit,
    averageMovingRange: xmr.averageMovingRange,
    upperRangeLimit: xmr.upperRangeLimit,
    guardrailLimit,
  };
}

/** Points with a signal of any rule, latest first — what a signal badge or list reports. */
export function signalRows(data: XmrChartData): XmrRow[] {
  return data.rows.filter((row) => row.valueSignals.length > 0 || row.rangeSignal).reverse();
}
