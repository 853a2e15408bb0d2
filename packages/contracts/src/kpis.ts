import { z } from 'zod';
import { instantOrDaySchema } from './days.js';
import { metricTrendSchema, xmrAnalysisSchema, xmrStatusSchema } from './metric-xmr.js';
import { pageQuerySchema, pageSchema } from './pagination.js';
import { text } from './text.js';

/**
 * Metrics (KPIs), their points and their series. A metric is addressed by its `key`, unique in
 * its workspace — the name warehouses and CI jobs push values under.
 */

/** e.g. `ad_fill_rate`, `playback.start_latency_p95`. */
export const metricKeySchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,63}$/,
    'must be 1–64 lower-case letters, digits, dots, hyphens or underscores, starting with a letter or digit',
  );

export const metricCategorySchema = z.enum([
  'adoption',
  'usage',
  'business-impact',
  'technical-health',
  'delivery',
]);

export const metricDirectionSchema = z.enum(['increase-is-good', 'decrease-is-good']);

const metricNameSchema = text().min(1).max(200);
const metricUnitSchema = text().max(32);
const metricDescriptionSchema = text().max(5000);

/** `POST /api/workspaces/:workspace/metrics` (editor) → `metricSchema`; a taken `key` is a 409. */
export const createMetricRequestSchema = z.strictObject({
  key: metricKeySchema,
  name: metricNameSchema,
  unit: metricUnitSchema.default(''),
  category: metricCategorySchema,
  direction: metricDirectionSchema,
  description: metricDescriptionSchema.default(''),
});

/**
 * `PATCH /api/workspaces/:workspace/metrics/:key` (editor) → `metricSchema`. The key never
 * changes (pushers refer to it). A new `direction` re-evaluates the metric's guardrails. A new
 * `unit` is refused (409 `metric-unit-in-use`, at `unit`, naming up to 5 of them) while key
 * results of active objectives follow the metric: their unit is the metric's, and their baselines
 * and targets are numbers in it. `archived: true` retires the metric, `false` brings it back:
 * see `metricSchema.archived`.
 */
export const updateMetricRequestSchema = z.strictObject({
  name: metricNameSchema.optional(),
  unit: metricUnitSchema.optional(),
  category: metricCategorySchema.optional(),
  direction: metricDirectionSchema.optional(),
  description: metricDescriptionSchema.optional(),
  archived: z.boolean().optional(),
  version: z.number().int().min(1),
});

/**
 * `GET /api/workspaces/:workspace/metrics?category=&archived=` — by key. Without `archived` (or
 * with `false`) only the metrics in use; `archived=true` lists the archived ones instead.
 */
export const metricListQuerySchema = pageQuerySchema.extend({
  category: metricCategorySchema.optional(),
  archived: z.enum(['true', 'false']).optional(),
});

/** A stored point: `timestamp` normalised to UTC with milliseconds. */
export const storedMetricPointSchema = z.object({
  timestamp: z.iso.datetime(),
  value: z.number(),
});

export const metricSchema = z.object({
  id: z.uuid(),
  key: metricKeySchema,
  name: z.string(),
  unit: z.string(),
  category: metricCategorySchema,
  direction: metricDirectionSchema,
  description: z.string(),
  /**
   * An archived metric is retired: it leaves the metrics list and the portfolio's KPI tiles,
   * refuses new points (409 `metric-archived`) and takes no new guardrails or key results (400 at
   * `metricKey`); its page, points, guardrails and the key results following it stay.
   * Unarchiving brings it back as it was.
   */
  archived: z.boolean(),
  /** The point with the latest timestamp, or `null` before any. */
  latest: storedMetricPointSchema.nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** A metric in `GET …/metrics`: with its trend and XmR status, as its portfolio tile shows them. */
export const metricListItemSchema = metricSchema.extend({ trend: metricTrendSchema });

export const metricPageSchema = pageSchema(metricListItemSchema);

// ---------------------------------------------------------------------------------------------
// Points

/** Most points (rows) one upload may carry; a larger load is sent in several. */
export const METRIC_POINTS_MAX_PER_UPLOAD = 200_000;

/** A day (`2026-01-05`) stands for its first moment in UTC. */
export const metricPointSchema = z.strictObject({
  timestamp: instantOrDaySchema,
  value: z.number(),
});

/**
 * `POST /api/workspaces/:workspace/metrics/:key/points` (editor; write-scoped API tokens too),
 * as JSON — or as `text/csv` with the header `timestamp,value` — → `metricPointsImportSchema`.
 * One value per metric and timestamp: a timestamp sent again replaces its value, so re-sending
 * a file changes nothing. Any bad point or line refuses the whole upload and nothing is stored:
 * a 400 whose `errors` name each problem — `line.<n>[.<column>]` for CSV (the header is line 1),
 * `<index>.<field>` for JSON — in file order; reading stops at problem
 * `PROBLEMS_MAX_LISTED + 1`, so at most 100 are listed, with `truncated: true` when there were
 * more. An upload (JSON or CSV) holds at least one point and at most
 * `METRIC_POINTS_MAX_PER_UPLOAD` rows (row 200,001 → 413), in at most 20 MB (→ 413). Whichever
 * of these caps is reached first answers. Unknown metric key → 404; an archived metric → 409
 * `metric-archived`, nothing stored.
 */
export const metricPointsRequestSchema = z
  .array(metricPointSchema)
  .min(1, 'must hold at least one point')
  .max(METRIC_POINTS_MAX_PER_UPLOAD, `must hold at most ${METRIC_POINTS_MAX_PER_UPLOAD} points`);

export const multiMetricPointSchema = z.strictObject({
  metric: metricKeySchema,
  timestamp: instantOrDaySchema,
  value: z.number(),
});

/**
 * `POST /api/workspaces/:workspace/metric-points` (editor; write-scoped API tokens too): points
 * of several metrics, as JSON or as `text/csv` with the header `metric,timestamp,value`. Same
 * rules as one metric's points; a row naming a metric the workspace does not have is a bad row,
 * and rows for an archived metric refuse the whole upload (409 `metric-archived`).
 */
export const multiMetricPointsRequestSchema = z
  .array(multiMetricPointSchema)
  .min(1, 'must hold at least one point')
  .max(METRIC_POINTS_MAX_PER_UPLOAD, `must hold at most ${METRIC_POINTS_MAX_PER_UPLOAD} points`);

/**
 * `DELETE /api/workspaces/:workspace/metrics/:key/points?timestamp=` or `?from=&to=` (editor;
 * write-scoped API tokens too) → `metricPointsDeletedSchema`: removes the metric's point at
 * `timestamp` (a date meaning its first moment in UTC, as an upload stores it), or every point
 * from `from` to `to` — both inclusive, either may be left out; a date `to` means the whole day,
 * as for a series. The metric's guardrails are then re-evaluated on the latest point left (a
 * change of status is recorded with the cause `points`) and its XmR signals recomputed; the
 * removal is audited (`metric-points.deleted`). Nothing to remove is not an error: `deleted: 0`.
 */
export const deleteMetricPointsQuerySchema = z
  .strictObject({
    timestamp: instantOrDaySchema.optional(),
    from: instantOrDaySchema.optional(),
    to: instantOrDaySchema.optional(),
  })
  .superRefine((query, context) => {
    const ranged = query.from !== undefined || query.to !== undefined;
    if (query.timestamp !== undefined && ranged) {
      context.addIssue({
        code: 'custom',
        path: ['timestamp'],
        message: 'must not be given with from or to: remove one point, or the points of a range',
      });
    } else if (query.timestamp === undefined && !ranged) {
      context.addIssue({
        code: 'custom',
        path: ['timestamp'],
        message: 'is required, unless from or to is given',
      });
    }
    const { from, to } = seriesRangeOf(query);
    if (from !== undefined && to !== undefined && to < from) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    }
  });

/** What a removal of points did: how many points it removed. */
export const metricPointsDeletedSchema = z.object({ deleted: z.number().int() });

/**
 * What an upload did. `points` counts distinct (metric, timestamp) pairs — a pair repeated in
 * one upload counts once and its last value wins — and equals `created + updated + unchanged`.
 */
export const metricPointsImportSchema = z.object({
  points: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

// ---------------------------------------------------------------------------------------------
// Series

/** Most points a series response holds; longer ranges are bucketed (see `seriesBucketSchema`). */
export const SERIES_MAX_POINTS = 500;

/**
 * How a series was bucketed. A range holding at most `SERIES_MAX_POINTS` points comes back as it
 * is (`none`). Otherwise the points are grouped into UTC calendar buckets — the first of hour,
 * day, week (from Monday), month, quarter, year for which the span from the first to the last
 * point covers at most `SERIES_MAX_POINTS` buckets — and each bucket with points becomes one
 * point: its start as `timestamp`, the mean of its values as `value`, and how many it holds as
 * `count`.
 */
export const seriesBucketSchema = z.enum([
  'none',
  'hour',
  'day',
  'week',
  'month',
  'quarter',
  'year',
]);

/**
 * `GET /api/workspaces/:workspace/metrics/:key/series?from=&to=` (viewer). Both bounds are
 * inclusive and optional; a date means the whole day in UTC (`to=2026-01-31` includes that day).
 */
export const seriesQuerySchema = z
  .strictObject({ from: instantOrDaySchema.optional(), to: instantOrDaySchema.optional() })
  .superRefine((query, context) => {
    const { from, to } = seriesRangeOf(query);
    if (from !== undefined && to !== undefined && to < from) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    }
  });

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

/**
 * The inclusive range of a series query in epoch milliseconds: `from` at its moment (a date at
 * its first millisecond in UTC), `to` at its moment (a date at its last millisecond).
 */
export function seriesRangeOf(query: { from?: string | undefined; to?: string | undefined }): {
  from: number | undefined;
  to: number | undefined;
} {
  const to =
    query.to === undefined
      ? undefined
      : Date.parse(query.to) + (DAY_ONLY.test(query.to) ? MS_PER_DAY - 1 : 0);
  return { from: query.from === undefined ? undefined : Date.parse(query.from), to };
}

export const seriesPointSchema = z.object({
  timestamp: z.iso.datetime(),
  value: z.number(),
  /** How many stored points this one stands for: 1 unless bucketed. */
  count: z.number().int(),
});

export const seriesResponseSchema = z.object({
  bucket: seriesBucketSchema,
  points: z.array(seriesPointSchema),
  /** The XmR chart of `points`; `null` with fewer than two points. */
  xmr: xmrAnalysisSchema.nullable(),
  /** The metric's XmR status — of its latest values, whatever the range — as its tile shows it. */
  status: xmrStatusSchema,
});

export type MetricCategory = z.infer<typeof metricCategorySchema>;
export type MetricDirection = z.infer<typeof metricDirectionSchema>;
export type CreateMetricRequest = z.output<typeof createMetricRequestSchema>;
export type UpdateMetricRequest = z.infer<typeof updateMetricRequestSchema>;
export type MetricListQuery = z.output<typeof metricListQuerySchema>;
export type StoredMetricPoint = z.infer<typeof storedMetricPointSchema>;
export type Metric = z.infer<typeof metricSchema>;
export type MetricListItem = z.infer<typeof metricListItemSchema>;
export type MetricPage = z.infer<typeof metricPageSchema>;
export type MetricPoint = z.infer<typeof metricPointSchema>;
export type MultiMetricPoint = z.infer<typeof multiMetricPointSchema>;
export type MetricPointsImport = z.infer<typeof metricPointsImportSchema>;
export type DeleteMetricPointsQuery = z.infer<typeof deleteMetricPointsQuerySchema>;
export type MetricPointsDeleted = z.infer<typeof metricPointsDeletedSchema>;
export type SeriesBucket = z.infer<typeof seriesBucketSchema>;
export type SeriesQuery = z.infer<typeof seriesQuerySchema>;
export type SeriesPoint = z.infer<typeof seriesPointSchema>;
export type SeriesResponse = z.infer<typeof seriesResponseSchema>;
