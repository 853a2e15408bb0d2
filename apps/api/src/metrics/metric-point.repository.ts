import type { EntityManager } from 'typeorm';

export type MetricPointRow = { metric_id: string; timestamp: Date; value: number };

/**
 * The latest `limit` points of each metric, oldest first per metric, in ONE query (one index
 * scan per metric, newest first, on the `(metric_id, timestamp)` key).
 */
export async function latestPointsPerMetric(
  manager: EntityManager,
  metricIds: readonly string[],
  limit: number,
): Promise<MetricPointRow[]> {
  return manager.query(
    `SELECT "metric"."id" AS "metric_id", "point"."timestamp", "point"."value"
       FROM unnest($1::uuid[]) AS "metric" ("id")
      CROSS JOIN LATERAL (
            SELECT "timestamp", "value"
              FROM "metric_point"
             WHERE "metric_id" = "metric"."id"
             ORDER BY "timestamp" DESC
             LIMIT $2
          ) AS "point"
      ORDER BY "metric"."id", "point"."timestamp"`,
    [metricIds, limit],
  );
}
