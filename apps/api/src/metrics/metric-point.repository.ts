import type { EntityManager } from 'typeorm';

export type MetricPointRow = { metric_id: string; timestamp: Date; value: number };

/**
 * The latest `limit` points of each metric of the workspace, oldest first per metric, in ONE query (one index
 * scan per metric, newest first, on the `(metric_id, timestamp)` key).
 */
export async function latestPointsPerMetric(
  manager: EntityManager,
  workspaceId: string,
  metricIds: readonly string[],
  limit: number,
): Promise<MetricPointRow[]> {
  return manager.query(
    `SELECT "metric"."id" AS "metric_id", "point"."timestamp", "point"."value"
       FROM "metric"
      CROSS JOIN LATERAL (
            SELECT "timestamp", "value"
              FROM "metric_point"
             WHERE "metric_id" = "metric"."id"
             ORDER BY "timestamp" DESC
             LIMIT $2
          ) AS "point"
      WHERE "metric"."id" = ANY($1::uuid[]) AND "metric"."workspace_id" = $3
      ORDER BY "metric"."id", "point"."timestamp"`,
    [metricIds, limit, workspaceId],
  );
}

/**
 * A metric's points within an optional range (bounds inclusive), oldest first, as raw rows
 * rather than entities: a long range can hold many thousands of points. Only a metric of the
 * workspace has any.
 */
export async function pointsInRange(
  manager: EntityManager,
  { workspaceId, metricId }: { workspaceId: string; metricId: string },
  range: { from: string | null; to: string | null },
): Promise<{ timestamp: Date; value: number }[]> {
  return manager.query(
    `SELECT "point"."timestamp", "point"."value"
       FROM "metric_point" "point"
       JOIN "metric" ON "metric"."id" = "point"."metric_id"
      WHERE "point"."metric_id" = $1 AND "metric"."workspace_id" = $2
        AND ($3::timestamptz IS NULL OR "point"."timestamp" >= $3)
        AND ($4::timestamptz IS NULL OR "point"."timestamp" <= $4)
      ORDER BY "point"."timestamp"`,
    [metricId, workspaceId, range.from, range.to],
  );
}

/**
 * Upserts points on (metric, timestamp) in one statement, leaving a row whose value is the same
 * untouched; answers each inserted or changed row's metric and whether it was inserted
 * (`xmax = 0` tells a fresh row from an updated one; unchanged rows return nothing).
 */
export async function upsertPointRows(
  manager: EntityManager,
  points: readonly { metricId: string; timestamp: string; value: number }[],
): Promise<{ metric_id: string; created: boolean }[]> {
  return manager.query(
    `INSERT INTO "metric_point" ("metric_id", "timestamp", "value")
     SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::double precision[])
     ON CONFLICT ("metric_id", "timestamp") DO UPDATE SET "value" = EXCLUDED."value"
       WHERE "metric_point"."value" IS DISTINCT FROM EXCLUDED."value"
     RETURNING "metric_id", (xmax = 0) AS "created"`,
    [
      points.map(({ metricId }) => metricId),
      points.map(({ timestamp }) => timestamp),
      points.map(({ value }) => value),
    ],
  );
}
