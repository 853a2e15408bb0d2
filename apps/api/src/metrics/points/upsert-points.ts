import type { EntityManager } from 'typeorm';

export type PointToStore = { metricId: string; timestamp: string; value: number };

export type UpsertResult = {
  /** Distinct (metric, timestamp) pairs in the upload. */
  points: number;
  created: number;
  updated: number;
  changedMetricIds: Set<string>;
};

/** Rows per statement: keeps each parameter array well inside Postgres' limits. */
const CHUNK = 10_000;

/**
 * Upserts points on (metric, timestamp): a new timestamp is inserted, a known one gets the new
 * value — and a row whose value is the same is left untouched, so re-sending is a no-op. A pair
 * repeated within the upload keeps its last value. Runs in the caller's transaction.
 */
export async function upsertPoints(
  manager: EntityManager,
  points: readonly PointToStore[],
): Promise<UpsertResult> {
  const lastValues = new Map<string, PointToStore>();
  for (const point of points) lastValues.set(`${point.metricId} ${point.timestamp}`, point);
  const distinct = [...lastValues.values()];
  const result: UpsertResult = {
    points: distinct.length,
    created: 0,
    updated: 0,
    changedMetricIds: new Set(),
  };
  for (let start = 0; start < distinct.length; start += CHUNK) {
    const chunk = distinct.slice(start, start + CHUNK);
    // `xmax = 0` tells a freshly inserted row from an updated one; unchanged rows return nothing.
    const rows: { metric_id: string; created: boolean }[] = await manager.query(
      `INSERT INTO "metric_point" ("metric_id", "timestamp", "value")
       SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::double precision[])
       ON CONFLICT ("metric_id", "timestamp") DO UPDATE SET "value" = EXCLUDED."value"
         WHERE "metric_point"."value" IS DISTINCT FROM EXCLUDED."value"
       RETURNING "metric_id", (xmax = 0) AS "created"`,
      [
        chunk.map(({ metricId }) => metricId),
        chunk.map(({ timestamp }) => timestamp),
        chunk.map(({ value }) => value),
      ],
    );
    for (const row of rows) {
      if (row.created) result.created += 1;
      else result.updated += 1;
      result.changedMetricIds.add(row.metric_id);
    }
  }
  return result;
}
