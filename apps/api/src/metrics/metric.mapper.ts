import type { Metric as MetricResponse } from '@bearing/contracts';
import type { LatestPoint } from './metric.repository.js';
import type { Metric } from './metric.entity.js';

export function toMetricResponse(metric: Metric, latest: LatestPoint | undefined): MetricResponse {
  return {
    id: metric.id,
    key: metric.key,
    name: metric.name,
    unit: metric.unit,
    category: metric.category,
    direction: metric.direction,
    description: metric.description,
    archived: metric.archived,
    latest: latest ? { timestamp: latest.timestamp.toISOString(), value: latest.value } : null,
    version: metric.version,
    createdAt: metric.createdAt.toISOString(),
    updatedAt: metric.updatedAt.toISOString(),
  };
}
