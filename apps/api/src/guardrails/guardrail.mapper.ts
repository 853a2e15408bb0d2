import type {
  Guardrail as GuardrailResponse,
  GuardrailStatusChange as GuardrailStatusChangeResponse,
} from '@bearing/contracts';
import type { LatestPoint } from '../metrics/metric.repository.js';
import type { Metric } from '../metrics/metric.entity.js';
import { evaluate } from './guardrail-evaluation.js';
import type { GuardrailStatusChange } from './guardrail-status-change.entity.js';
import type { Guardrail } from './guardrail.entity.js';

export function toGuardrailResponse(
  guardrail: Guardrail,
  metric: Metric,
  latest: LatestPoint | undefined,
  history: readonly GuardrailStatusChange[],
  programIds: string[],
): GuardrailResponse {
  const evaluation = evaluate(guardrail, metric, latest);
  return {
    id: guardrail.id,
    metricKey: metric.key,
    metric: { key: metric.key, name: metric.name, unit: metric.unit, direction: metric.direction },
    baseline: guardrail.baseline,
    threshold: { type: guardrail.thresholdType, value: guardrail.thresholdValue },
    warnAt: guardrail.warnAt,
    status: evaluation?.status ?? null,
    evaluation:
      evaluation && latest
        ? {
            value: latest.value,
            timestamp: latest.timestamp.toISOString(),
            limit: evaluation.limit,
            deterioration: evaluation.deterioration,
            marginUsed: evaluation.marginUsed,
          }
        : null,
    history: history.map(toStatusChangeResponse),
    programIds,
    version: guardrail.version,
    createdAt: guardrail.createdAt.toISOString(),
    updatedAt: guardrail.updatedAt.toISOString(),
  };
}

export function toStatusChangeResponse(
  change: GuardrailStatusChange,
): GuardrailStatusChangeResponse {
  return {
    id: change.id,
    from: change.fromStatus,
    to: change.toStatus,
    value: change.value,
    timestamp: change.pointTimestamp.toISOString(),
    cause: change.cause,
    changedAt: change.changedAt.toISOString(),
  };
}
