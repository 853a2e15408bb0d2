import type { EntityManager } from 'typeorm';

/** One value of a metric's XmR analysis as the metric-signal read model stores it. */
export type MetricSignalRow = {
  metricId: string;
  timestamp: Date;
  value: number;
  mean: number;
  lowerLimit: number | null;
  upperLimit: number;
  /** The rules that fire on the value, comma-separated in the chart's order; null when none. */
  signal: string | null;
  run: number;
};

/**
 * Replaces the stored rows of `metricIds` with `rows` (theirs, any order) in two statements
 * whatever the number of metrics; the caller holds the metrics' locks (`lockMetrics`).
 */
export async function replaceMetricSignals(
  manager: EntityManager,
  metricIds: readonly string[],
  rows: readonly MetricSignalRow[],
): Promise<void> {
  if (metricIds.length === 0) return;
  await manager.query(`DELETE FROM "metric_signal" WHERE "metric_id" = ANY($1::uuid[])`, [
    [...metricIds],
  ]);
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO "metric_signal"
       ("metric_id", "timestamp", "value", "mean", "lower_limit", "upper_limit", "signal", "run")
     SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::double precision[],
                          $4::double precision[], $5::double precision[], $6::double precision[],
                          $7::varchar[], $8::integer[])`,
    [
      rows.map(({ metricId }) => metricId),
      rows.map(({ timestamp }) => timestamp.toISOString()),
      rows.map(({ value }) => value),
      rows.map(({ mean }) => mean),
      rows.map(({ lowerLimit }) => lowerLimit),
      rows.map(({ upperLimit }) => upperLimit),
      rows.map(({ signal }) => signal),
      rows.map(({ run }) => run),
    ],
  );
}

/**
 * Up to `limit` metrics (of any workspace) with at least two points — an XmR analysis — and no
 * stored signal rows: those whose points were stored before the read model existed.
 */
export function metricsMissingSignals(
  manager: EntityManager,
  limit: number,
): Promise<{ id: string; workspaceId: string }[]> {
  return manager.query(
    `SELECT "metric"."id", "metric"."workspace_id" AS "workspaceId"
       FROM "metric"
      WHERE NOT EXISTS (SELECT 1 FROM "metric_signal" WHERE "metric_id" = "metric"."id")
        AND (SELECT count(*) FROM (SELECT 1 FROM "metric_point"
                                    WHERE "metric_id" = "metric"."id" LIMIT 2) AS "two") = 2
      ORDER BY "metric"."id"
      LIMIT $1`,
    [limit],
  );
}
