import { XMR_ANALYSIS_POINTS } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { analyseValues, type MetricXmr, type TimedValue } from './metric-xmr.js';
import { latestPointsPerMetric } from '../metric-point.repository.js';

/**
 * Each metric's XmR analysis, from its latest `XMR_ANALYSIS_POINTS` points read in ONE query
 * (one index scan per metric, newest first, on the `(metric_id, timestamp)` key). Every metric
 * asked for is in the map; one without points has an empty analysis.
 */
export async function loadMetricXmr(
  manager: EntityManager,
  workspaceId: string,
  metricIds: readonly string[],
): Promise<Map<string, MetricXmr>> {
  const ids = [...new Set(metricIds)];
  const points = new Map<string, TimedValue[]>(ids.map((id) => [id, []]));
  if (ids.length > 0) {
    const reads = await latestPointsPerMetric(manager, workspaceId, ids, XMR_ANALYSIS_POINTS);
    for (const read of reads) {
      if (points.has(read.metricId)) points.set(read.metricId, read.points);
    }
  }
  return new Map([...points].map(([id, values]) => [id, analyseValues(values)]));
}
