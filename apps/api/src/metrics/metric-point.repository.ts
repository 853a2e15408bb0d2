import type { EntityManager } from 'typeorm';

/** A metric's points, oldest first. */
export type MetricPoints = { metricId: string; points: { timestamp: Date; value: number }[] };

/**
 * The latest `limit` points of each metric of the workspace, oldest first per metric, in ONE
 * query (one backward index scan per metric on the `(metric_id, timestamp)` key), one row per
 * metric: the points travel as one JSON list of [epoch milliseconds, value] each, which is far
 * cheaper to read than a row (and a parsed timestamp) per point. Metrics without points have
 * no row.
 */
export async function latestPointsPerMetric(
  manager: EntityManager,
  workspaceId: string,
  metricIds: readonly string[],
  limit: number,
): Promise<MetricPoints[]> {
  const rows = await manager.query<{ metric_id: string; points: [number, number][] }[]>(
    `SELECT "metric"."id" AS "metric_id",
            json_agg(json_build_array(floor(extract(epoch FROM "point"."timestamp") * 1000),
                                      "point"."value")
                     ORDER BY "point"."timestamp") AS "points"
       FROM "metric"
      CROSS JOIN LATERAL (
            SELECT "timestamp", "value"
              FROM "metric_point"
             WHERE "metric_id" = "metric"."id"
             ORDER BY "timestamp" DESC
             LIMIT $2
          ) AS "point"
      WHERE "metric"."id" = ANY($1::uuid[]) AND "metric"."workspace_id" = $3
      GROUP BY "metric"."id"`,
    [metricIds, limit, workspaceId],
  );
  return rows.map((row) => ({
    metricId: row.metric_id,
    points: row.points.map(([epochMs, value]) => ({ timestamp: new Date(epochMs), value })),
  }));
}

/** A metric's points over a range and its latest points, as one snapshot read them. */
export type MetricSeriesRead = {
  stored: { timestamp: Date; value: number }[];
  latest: { timestamp: Date; value: number }[];
};

/**
 * The metric `key` of the workspace (undefined if there is none): its points within the range
 * (bounds inclusive, oldest first) and its latest `latestCount` points (oldest first), in ONE
 * statement — one snapshot, so the range and the analysed values agree under uploads, without a
 * transaction's extra round trips. The latest points are one backward probe of the
 * `(metric_id, timestamp)` key, whatever the history's length. Instants travel as epoch
 * milliseconds (what a `Date` holds).
 */
export async function readMetricSeries(
  manager: EntityManager,
  { workspaceId, key }: { workspaceId: string; key: string },
  range: { from: string | null; to: string | null },
  latestCount: number,
): Promise<MetricSeriesRead | undefined> {
  const [row] = await manager.query<{ stored: [number, number][]; latest: [number, number][] }[]>(
    `SELECT
       (SELECT coalesce(json_agg(json_build_array(
                 floor(extract(epoch FROM "point"."timestamp") * 1000), "point"."value")
                 ORDER BY "point"."timestamp"), '[]')
          FROM "metric_point" "point"
         WHERE "point"."metric_id" = "metric"."id"
           AND ($3::timestamptz IS NULL OR "point"."timestamp" >= $3)
           AND ($4::timestamptz IS NULL OR "point"."timestamp" <= $4)) AS "stored",
       (SELECT coalesce(json_agg(json_build_array(
                 floor(extract(epoch FROM "latest"."timestamp") * 1000), "latest"."value")
                 ORDER BY "latest"."timestamp"), '[]')
          FROM (SELECT "timestamp", "value" FROM "metric_point"
                 WHERE "metric_id" = "metric"."id"
                 ORDER BY "timestamp" DESC
                 LIMIT $5) AS "latest") AS "latest"
       FROM "metric"
      WHERE "metric"."workspace_id" = $1 AND "metric"."key" = $2`,
    [workspaceId, key, range.from, range.to, latestCount],
  );
  if (!row) return undefined;
  const points = (pairs: [number, number][]) =>
    pairs.map(([epochMs, value]) => ({ timestamp: new Date(epochMs), value }));
  return { stored: points(row.stored), latest: points(row.latest) };
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

/**
 * Deletes the points of one metric from `from` to `to` (instants, both inclusive; `null` leaves
 * that side open); answers how many it deleted. The caller found the metric in its workspace
 * and holds its lock.
 */
export async function deleteMetricPoints(
  manager: EntityManager,
  metricId: string,
  range: { from: string | null; to: string | null },
): Promise<number> {
  const [row] = await manager.query<{ deleted: number }[]>(
    `WITH "deleted" AS (
       DELETE FROM "metric_point"
        WHERE "metric_id" = $1
          AND ($2::timestamptz IS NULL OR "timestamp" >= $2::timestamptz)
          AND ($3::timestamptz IS NULL OR "timestamp" <= $3::timestamptz)
       RETURNING 1
     )
     SELECT count(*)::int AS "deleted" FROM "deleted"`,
    [metricId, range.from, range.to],
  );
  return row?.deleted ?? 0;
}
