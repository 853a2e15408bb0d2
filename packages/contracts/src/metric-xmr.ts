import { z } from 'zod';

/**
 * A metric's XmR analysis: `xmrWithRecalculation` of `@bearing/metrics` over its last
 * `XMR_ANALYSIS_POINTS` values, with limits from `XMR_BASELINE_POINTS` values and recomputed
 * after each sustained shift. The metric page, the metrics list and the portfolio's KPI tiles
 * all show this one analysis, so they never disagree about a metric.
 */
export const XMR_ANALYSIS_POINTS = 500;
/** How many values a segment's limits come from (fewer: provisional limits). */
export const XMR_BASELINE_POINTS = 20;
/** A signal on one of a metric's last this-many values makes its status `signal`. */
export const XMR_RECENT_POINTS = 7;
/** How many of a metric's latest values its trend (list row, portfolio tile) draws. */
export const TREND_SPARKLINE_POINTS = 30;

export const xmrRuleSchema = z.enum([
  'beyond-limits',
  'three-of-four',
  'run-of-eight',
  'range-beyond-limit',
]);

/** The values a set of limits was computed from: `count` values, from `from` to `to`. */
export const xmrLimitsWindowSchema = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  count: z.number().int(),
  /** Fewer than `XMR_BASELINE_POINTS` values: the limits still move as values arrive. */
  provisional: z.boolean(),
});

/** The sustained shift (8 values in a row on one side of the old central line) behind new limits. */
export const xmrShiftSchema = z.object({
  direction: z.enum(['up', 'down']),
  /** The run's first value: where the new limits begin. */
  startedAt: z.iso.datetime(),
  /** The run's 8th value, where the shift became evident (a `run-of-eight` signal). */
  detectedAt: z.iso.datetime(),
});

/** A metric's XmR status, the same wherever it is shown. */
export const xmrStatusSchema = z.object({
  /** `signal`: a signal on one of the last `XMR_RECENT_POINTS` values; `too-few-values`: < 2. */
  state: z.enum(['signal', 'routine', 'too-few-values']),
  /** The newest signalled value among the last `XMR_RECENT_POINTS`; `null` unless `signal`. */
  signal: z
    .object({
      timestamp: z.iso.datetime(),
      value: z.number(),
      rules: z.array(xmrRuleSchema).min(1),
    })
    .nullable(),
  /** The current limits (of the newest segment) and where they come from; `null` with < 2 values. */
  limits: z
    .object({
      mean: z.number(),
      upperLimit: z.number(),
      lowerLimit: z.number().nullable(),
      window: xmrLimitsWindowSchema,
    })
    .nullable(),
  /** The shift that started the current limits; `null` when they are the metric's first. */
  shift: xmrShiftSchema.nullable(),
});

/** A metric's recent trend, small enough for a list row or a tile. */
export const metricTrendSchema = z.object({
  /** The last `TREND_SPARKLINE_POINTS` values, oldest first. */
  sparkline: z.array(z.number()),
  /** Indexes into `sparkline` of the values with a signal (of the metric's analysis). */
  sparklineSignals: z.array(z.number().int()),
  status: xmrStatusSchema,
});

/** One set of limits over consecutive points of a series response. */
export const xmrSegmentSchema = z.object({
  /** Indexes into the response's `points` of the first and last point these limits cover. */
  first: z.number().int(),
  last: z.number().int(),
  mean: z.number(),
  averageMovingRange: z.number(),
  upperLimit: z.number(),
  lowerLimit: z.number().nullable(),
  upperRangeLimit: z.number(),
  window: xmrLimitsWindowSchema,
  shift: xmrShiftSchema.nullable(),
});

/**
 * The XmR chart of a series response's `points`. `basis: 'metric'` — the metric's own analysis
 * (the one its `status` comes from), shown over the points in range; `basis: 'range'` — the
 * points are bucketed means or reach back before the metric's last `XMR_ANALYSIS_POINTS`
 * values, so the same rule is applied to the points shown, on their own.
 */
export const xmrAnalysisSchema = z.object({
  basis: z.enum(['metric', 'range']),
  /** In order; together they cover every point. */
  segments: z.array(xmrSegmentSchema).min(1),
  /** `movingRanges[i − 1]` = |points[i] − points[i − 1]|. */
  movingRanges: z.array(z.number()),
  /** Indexes into `points`, ordered by index, then rule. */
  signals: z.array(z.object({ index: z.number().int(), rule: xmrRuleSchema })),
});

export type XmrRule = z.infer<typeof xmrRuleSchema>;
export type XmrLimitsWindow = z.infer<typeof xmrLimitsWindowSchema>;
export type XmrStatus = z.infer<typeof xmrStatusSchema>;
export type MetricTrend = z.infer<typeof metricTrendSchema>;
export type XmrAnalysis = z.infer<typeof xmrAnalysisSchema>;
