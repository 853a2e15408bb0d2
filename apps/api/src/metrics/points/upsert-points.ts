import type { EntityManager } from 'typeorm';
import { upsertPointRows } from '../metric-point.repository.js';

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
    const rows = await upsertPointRows(manager, chunk);
    for (const row of rows) {
      if (row.created) result.created += 1;
      else result.updated += 1;
      result.changedMetricIds.add(row.metric_id);
    }
  }
  return result;
}
