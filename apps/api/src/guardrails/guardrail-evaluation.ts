import type { GuardrailChangeCause } from '@bearing/contracts';
import { evaluateGuardrail, type GuardrailResult } from '@bearing/metrics';
import type { EntityManager } from 'typeorm';
import { latestPointsOf, type LatestPoint } from '../metrics/metric.repository.js';
import type { Metric } from '../metrics/metric.entity.js';
import { publishGuardrailChange } from './guardrail-notice.js';
import type { GuardrailPrograms } from './guardrail-programs.types.js';
import type { Guardrail } from './guardrail.entity.js';
import {
  guardrailsOnMetrics,
  insertGuardrailStatusChange,
  storeGuardrailStatus,
} from './guardrail.repository.js';

/** `evaluateGuardrail` of `@bearing/metrics` on one point; `null` when there is no point yet. */
export function evaluate(
  guardrail: Guardrail,
  metric: Metric,
  point: LatestPoint | undefined,
): GuardrailResult | null {
  if (!point) return null;
  return evaluateGuardrail({
    direction: metric.direction,
    baseline: guardrail.baseline,
    threshold: { type: guardrail.thresholdType, value: guardrail.thresholdValue },
    value: point.value,
    ...(guardrail.warnAt === null ? {} : { warnAt: guardrail.warnAt }),
  });
}

/**
 * Re-evaluates one guardrail on its metric's latest point and, when the status differs from the
 * stored one, stores the new status, records the change with the value that caused it and
 * publishes it (`guardrail.changed`; not a new guardrail's first "ok"). Once its metric has no
 * point left (all removed) it has no status, as before the first one: nothing is recorded. Runs in the caller's
 * transaction, which holds the metric's lock (see `lockMetrics`).
 */
export async function recordStatus(
  manager: EntityManager,
  programs: GuardrailPrograms,
  guardrail: Guardrail,
  metric: Metric,
  latest: LatestPoint | undefined,
  cause: GuardrailChangeCause,
): Promise<void> {
  if (!latest) {
    // Its metric's every point was removed: nothing to evaluate, as before its first point.
    if (guardrail.status !== null) {
      await storeGuardrailStatus(manager, guardrail.id, null);
      guardrail.status = null;
    }
    return;
  }
  const evaluation = evaluate(guardrail, metric, latest);
  if (!evaluation || evaluation.status === guardrail.status) return;
  const from = guardrail.status;
  await storeGuardrailStatus(manager, guardrail.id, evaluation.status);
  const changeId = await insertGuardrailStatusChange(manager, {
    guardrailId: guardrail.id,
    fromStatus: from,
    toStatus: evaluation.status,
    value: latest.value,
    pointTimestamp: latest.timestamp,
    cause,
  });
  guardrail.status = evaluation.status;
  if (from === null && evaluation.status === 'ok') return;
  await publishGuardrailChange(manager, programs, {
    id: changeId,
    guardrail,
    metric,
    from,
    to: evaluation.status,
    value: latest.value,
  });
}

/** Re-evaluates every guardrail on each of `metrics` (after points arrived or a metric changed). */
export async function reevaluateGuardrailsOf(
  manager: EntityManager,
  programs: GuardrailPrograms,
  metrics: readonly Metric[],
  cause: GuardrailChangeCause,
): Promise<void> {
  if (metrics.length === 0) return;
  const guardrails = await guardrailsOnMetrics(manager, metrics);
  if (guardrails.length === 0) return;
  const latest = await latestPointsOfGuardrails(manager, guardrails);
  const metricsById = new Map(metrics.map((metric) => [metric.id, metric]));
  for (const guardrail of guardrails) {
    const metric = metricsById.get(guardrail.metricId);
    if (metric) {
      await recordStatus(manager, programs, guardrail, metric, latest.get(metric.id), cause);
    }
  }
}

/** The latest point of each guardrail's metric, each read within the guardrail's workspace. */
export async function latestPointsOfGuardrails(
  manager: EntityManager,
  guardrails: readonly Guardrail[],
): Promise<Map<string, LatestPoint>> {
  const latest = new Map<string, LatestPoint>();
  // A list holds one workspace's guardrails: in practice a single query.
  for (const workspaceId of new Set(guardrails.map((guardrail) => guardrail.workspaceId))) {
    const metricIds = guardrails
      .filter((guardrail) => guardrail.workspaceId === workspaceId)
      .map(({ metricId }) => metricId);
    for (const [id, point] of await latestPointsOf(manager, workspaceId, metricIds)) {
      latest.set(id, point);
    }
  }
  return latest;
}
