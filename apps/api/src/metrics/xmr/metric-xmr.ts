import {
  type MetricTrend,
  TREND_SPARKLINE_POINTS,
  XMR_BASELINE_POINTS,
  XMR_RECENT_POINTS,
  type XmrAnalysis,
  type XmrLimitsWindow,
  type XmrStatus,
} from '@bearing/contracts';
import { type XmrRecalculatedChart, type XmrSegment, xmrWithRecalculation } from '@bearing/metrics';

export type TimedValue = { timestamp: Date; value: number };

/**
 * The XmR analysis of a run of values, oldest first: `xmrWithRecalculation` of
 * `@bearing/metrics` with Bearing's one set of options. A metric's analysis is that of its
 * latest `XMR_ANALYSIS_POINTS` values (`loadMetricXmr`); its page, its list row and its
 * portfolio tile all read it.
 */
export type MetricXmr = { points: readonly TimedValue[]; chart: XmrRecalculatedChart | null };

export function analyseValues(points: readonly TimedValue[]): MetricXmr {
  return {
    points,
    chart: xmrWithRecalculation(
      points.map(({ value }) => value),
      { baselineCount: XMR_BASELINE_POINTS, recentCount: XMR_RECENT_POINTS },
    ),
  };
}

/** The status every surface shows: signal or routine, the current limits and where they come from. */
export function xmrStatus({ points, chart }: MetricXmr): XmrStatus {
  const current = chart?.segments.at(-1);
  if (!chart || !current)
    return { state: 'too-few-values', signal: null, limits: null, shift: null };
  const signalled = chart.recentSignal;
  return {
    state: chart.status,
    signal: signalled && {
      timestamp: pointAt(points, signalled.index).timestamp.toISOString(),
      value: pointAt(points, signalled.index).value,
      rules: signalled.rules,
    },
    limits: {
      mean: current.mean,
      upperLimit: current.upperLimit,
      lowerLimit: current.lowerLimit,
      window: limitsWindow(points, current),
    },
    shift: shiftOf(points, current),
  };
}

/** The last `TREND_SPARKLINE_POINTS` values with their signals, and the status. */
export function metricTrend(analysis: MetricXmr): MetricTrend {
  const { points, chart } = analysis;
  const from = Math.max(0, points.length - TREND_SPARKLINE_POINTS);
  const sparklineSignals = [
    ...new Set(
      (chart?.signals ?? []).filter(({ index }) => index >= from).map(({ index }) => index - from),
    ),
  ];
  return {
    sparkline: points.slice(from).map(({ value }) => value),
    sparklineSignals,
    status: xmrStatus(analysis),
  };
}

/**
 * The chart of the analysed values `first` … `last` (inclusive), with indexes counted from
 * `first`: the segments that cover them (clipped), their moving ranges and signals.
 */
export function chartOver(
  { points, chart }: MetricXmr,
  first: number,
  last: number,
  basis: XmrAnalysis['basis'],
): XmrAnalysis | null {
  if (!chart || last <= first) return null;
  return {
    basis,
    segments: chart.segments
      .filter(({ start, end }) => end >= first && start <= last)
      .map((segment) => ({
        first: Math.max(segment.start, first) - first,
        last: Math.min(segment.end, last) - first,
        mean: segment.mean,
        averageMovingRange: segment.averageMovingRange,
        upperLimit: segment.upperLimit,
        lowerLimit: segment.lowerLimit,
        upperRangeLimit: segment.upperRangeLimit,
        window: limitsWindow(points, segment),
        shift: shiftOf(points, segment),
      })),
    movingRanges: chart.movingRanges.slice(first, last),
    signals: chart.signals
      .filter(({ index }) => index >= first && index <= last)
      .map(({ index, rule }) => ({ index: index - first, rule })),
  };
}

function limitsWindow(points: readonly TimedValue[], segment: XmrSegment): XmrLimitsWindow {
  return {
    from: pointAt(points, segment.start).timestamp.toISOString(),
    to: pointAt(points, segment.start + segment.baselineCount - 1).timestamp.toISOString(),
    count: segment.baselineCount,
    provisional: segment.provisional,
  };
}

function shiftOf(points: readonly TimedValue[], segment: XmrSegment): XmrStatus['shift'] {
  return (
    segment.shift && {
      direction: segment.shift.direction,
      startedAt: pointAt(points, segment.start).timestamp.toISOString(),
      detectedAt: pointAt(points, segment.shift.detectedAt).timestamp.toISOString(),
    }
  );
}

function pointAt(points: readonly TimedValue[], index: number): TimedValue {
  const point = points[index];
  if (!point) throw new RangeError(`no analysed value at ${index}`);
  return point;
}
