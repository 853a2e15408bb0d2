import type { KpiTile } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { loadMetricXmr } from '../metrics/xmr/metric-xmr.repository.js';
import { metricTrend } from '../metrics/metrics.service.js';
import { metricSummaries } from '../metrics/metric.repository.js';

/**
 * Every metric of the workspace in use (archived ones are left out) as a tile: its latest value
 * and its trend — the sparkline and XmR status of the metric's one analysis (`loadMetricXmr`),
 * exactly what its row in the metrics list and its page show.
 */
export async function loadKpiTiles(
  manager: EntityManager,
  workspaceId: string,
): Promise<KpiTile[]> {
  const metrics = await metricSummaries(manager, workspaceId);
  const analyses = await loadMetricXmr(
    manager,
    workspaceId,
    metrics.map(({ id }) => id),
  );
  return metrics.map((metric) => {
    const analysis = analyses.get(metric.id)!;
    const last = analysis.points.at(-1);
    return {
      key: metric.key,
      name: metric.name,
      unit: metric.unit,
      direction: metric.direction,
      latest: last ? { timestamp: last.timestamp.toISOString(), value: last.value } : null,
      trend: metricTrend(analysis),
    };
  });
}
