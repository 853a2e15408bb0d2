import type { MetricCategory, MetricDirection, PageQuery } from '@bearing/contracts';
import type { Day } from '@bearing/metrics';
import type { DeepPartial, EntityManager } from 'typeorm';
import { z } from 'zod';
import { keysetPage } from '../common/pagination/keyset-page.js';
import { ProblemException } from '../common/problem/problem.js';
import { Metric } from './metric.entity.js';

export type LatestPoint = { timestamp: Date; value: number };

/**
 * The metric with `key` in *this* workspace, or 404 — a key of another workspace is not found.
 * `lock` takes the metric's lock (see `lockMetrics`) for the rest of the transaction.
 */
export async function findMetricByKey(
  manager: EntityManager,
  workspaceId: string,
  key: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<Metric> {
  const query = manager
    .getRepository(Metric)
    .createQueryBuilder('metric')
    .where('metric.workspaceId = :workspaceId', { workspaceId })
    .andWhere('metric.key = :key', { key });
  if (lock) query.setLock('for_no_key_update');
  const metric = await query.getOne();
  if (!metric) throw ProblemException.notFound(`There is no metric "${key}" here.`);
  return metric;
}

/**
 * Locks metrics for the rest of the transaction, in id order so that two uploads touching the
 * same metrics cannot deadlock, and answers them as read under the lock (in id order). Every
 * write that can change a guardrail's status — points, guardrail and metric edits — takes it,
 * so evaluations of one metric never interleave; and they evaluate with the metrics answered
 * here, never with copies read before the lock, which a concurrent edit (of the direction) may
 * have made stale.
 */
export async function lockMetrics(manager: EntityManager, metricIds: string[]): Promise<Metric[]> {
  if (metricIds.length === 0) return [];
  return manager
    .getRepository(Metric)
    .createQueryBuilder('metric')
    .where('metric.id IN (:...metricIds)', { metricIds: [...new Set(metricIds)] })
    .orderBy('metric.id')
    .setLock('for_no_key_update')
    .getMany();
}

/**
 * The latest point (by timestamp) of each metric of the workspace that has one: one backward
 * probe of the `(metric_id, timestamp)` key per metric (a lateral `LIMIT 1`), so the cost does not
 * grow with a metric's history — `DISTINCT ON` would read every stored point of each metric.
 */
export async function latestPointsOf(
  manager: EntityManager,
  workspaceId: string,
  metricIds: readonly string[],
): Promise<Map<string, LatestPoint>> {
  const latest = new Map<string, LatestPoint>();
  if (metricIds.length === 0) return latest;
  const rows: { metric_id: string; timestamp: Date; value: number }[] = await manager.query(
    `SELECT "metric"."id" AS "metric_id", "point"."timestamp", "point"."value"
       FROM "metric"
      CROSS JOIN LATERAL (
            SELECT "timestamp", "value"
              FROM "metric_point"
             WHERE "metric_id" = "metric"."id"
             ORDER BY "timestamp" DESC
             LIMIT 1
          ) AS "point"
      WHERE "metric"."id" = ANY($1::uuid[]) AND "metric"."workspace_id" = $2`,
    [[...new Set(metricIds)], workspaceId],
  );
  for (const row of rows) latest.set(row.metric_id, { timestamp: row.timestamp, value: row.value });
  return latest;
}

/**
 * For each request, its metric's latest point dated on or before `day` — by the point's own
 * timestamp (its UTC day), however late it was stored; one index probe per request. Keyed by
 * the request's `key`, so one metric can be read as of several days at once. A request reads
 * only a metric of its own workspace.
 */
export async function latestPointsOnOrBefore<Key extends string>(
  manager: EntityManager,
  requests: readonly { key: Key; workspaceId: string; metricId: string; day: Day }[],
): Promise<Map<Key, LatestPoint>> {
  const latest = new Map<Key, LatestPoint>();
  if (requests.length === 0) return latest;
  const rows: { key: Key; timestamp: Date; value: number }[] = await manager.query(
    `SELECT "request"."key", "point"."timestamp", "point"."value"
       FROM unnest($1::text[], $2::uuid[], $3::date[], $4::uuid[])
            AS "request" ("key", "metric_id", "day", "workspace_id")
       JOIN "metric" ON "metric"."id" = "request"."metric_id"
                    AND "metric"."workspace_id" = "request"."workspace_id"
      CROSS JOIN LATERAL (
            SELECT "timestamp", "value"
              FROM "metric_point"
             WHERE "metric_id" = "request"."metric_id"
               AND "timestamp" < ("request"."day" + 1)::timestamp AT TIME ZONE 'UTC'
             ORDER BY "timestamp" DESC
             LIMIT 1
          ) AS "point"`,
    [
      requests.map(({ key }) => key),
      requests.map(({ metricId }) => metricId),
      requests.map(({ day }) => day),
      requests.map(({ workspaceId }) => workspaceId),
    ],
  );
  for (const row of rows) latest.set(row.key, { timestamp: row.timestamp, value: row.value });
  return latest;
}

/** What a list of the workspace's metrics in use (not archived) shows of each, ordered by key. */
export type MetricSummary = {
  id: string;
  key: string;
  name: string;
  unit: string;
  direction: MetricDirection;
};

export async function metricSummaries(
  manager: EntityManager,
  workspaceId: string,
): Promise<MetricSummary[]> {
  return manager.query(
    `SELECT "id", "key", "name", "unit", "direction" FROM "metric"
      WHERE "workspace_id" = $1 AND NOT "archived"
      ORDER BY "key"`,
    [workspaceId],
  );
}

/**
 * The keys of those metrics that are archived, by key. Read under the metrics' lock
 * (`lockMetrics`), it cannot change before the caller's transaction ends.
 */
export async function archivedMetricKeys(
  manager: EntityManager,
  metricIds: readonly string[],
): Promise<string[]> {
  if (metricIds.length === 0) return [];
  const rows: { key: string }[] = await manager.query(
    `SELECT "key" FROM "metric" WHERE "id" = ANY($1::uuid[]) AND "archived" ORDER BY "key"`,
    [[...new Set(metricIds)]],
  );
  return rows.map(({ key }) => key);
}

/**
 * The key results of active objectives that follow the metric — their targets are numbers in its
 * unit — by title: the first `limit` titles and how many there are in all. Those of closed or
 * cancelled objectives are left out: they keep the numbers they ended with.
 */
export async function keyResultsFollowingMetric(
  manager: EntityManager,
  workspaceId: string,
  metricId: string,
  limit: number,
): Promise<{ titles: string[]; total: number }> {
  const rows: { title: string; total: string }[] = await manager.query(
    `SELECT "key_result"."title", count(*) OVER () AS "total"
       FROM "key_result"
       JOIN "objective" ON "objective"."id" = "key_result"."objective_id"
                       AND "objective"."workspace_id" = "key_result"."workspace_id"
      WHERE "key_result"."metric_id" = $1 AND "key_result"."workspace_id" = $2
        AND "objective"."status" = 'active'
      ORDER BY "key_result"."title", "key_result"."id"
      LIMIT $3`,
    [metricId, workspaceId, limit],
  );
  return { titles: rows.map(({ title }) => title), total: Number(rows[0]?.total ?? 0) };
}

/** The metric with `key` in *this* workspace, or null (for callers that answer otherwise). */
export function metricWithKey(
  manager: EntityManager,
  workspaceId: string,
  key: string,
): Promise<Metric | null> {
  return manager.getRepository(Metric).findOneBy({ workspaceId, key });
}

const keyPosition = z.tuple([z.string()]);

/**
 * The workspace's metrics in use — or its archived ones, with `archived` — of one category, if
 * given, keyset-paged on the key.
 */
export function metricPage(
  manager: EntityManager,
  workspaceId: string,
  { category, archived }: { category: MetricCategory | undefined; archived: boolean },
  page: PageQuery,
): Promise<{ rows: Metric[]; nextCursor: string | null }> {
  const query = manager
    .getRepository(Metric)
    .createQueryBuilder('metric')
    .where('metric.workspaceId = :workspaceId', { workspaceId })
    .andWhere('metric.archived = :archived', { archived });
  if (category) query.andWhere('metric.category = :category', { category });
  return keysetPage(query, page, {
    keys: [{ sort: 'metric.key', valueOf: (metric) => metric.key }],
    direction: 'ASC',
    shape: keyPosition,
  });
}

/** Every metric of the workspace. */
export function metricsOfWorkspace(manager: EntityManager, workspaceId: string): Promise<Metric[]> {
  return manager.getRepository(Metric).findBy({ workspaceId });
}

export function insertMetric(manager: EntityManager, values: DeepPartial<Metric>): Promise<Metric> {
  const metrics = manager.getRepository(Metric);
  return metrics.save(metrics.create(values));
}

/** Saves a metric loaded in this workspace (its version checked by the caller). */
export function saveMetric(manager: EntityManager, metric: Metric): Promise<Metric> {
  return manager.getRepository(Metric).save(metric);
}
