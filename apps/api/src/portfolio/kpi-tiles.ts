import {
  type KpiTile,
  PORTFOLIO_RECENT_SIGNAL_POINTS,
  PORTFOLIO_SPARKLINE_POINTS,
} from '@bearing/contracts';
import { xmr } from '@bearing/metrics';
import type { EntityManager } from 'typeorm';

type TilePointRow = {
  key: string;
  name: string;
  unit: string;
  direction: KpiTile['direction'];
  timestamp: Date | null;
  value: number | null;
};

/**
 * Every metric of the workspace as a tile: its last points in ONE query (a window function
 * keeps the newest `PORTFOLIO_SPARKLINE_POINTS` per metric), and the XmR analysis of those
 * points from `@bearing/metrics`. A tile flags a signal only when it is recent, so an old
 * shift that the process has absorbed does not keep a badge lit.
 */
export async function loadKpiTiles(
  manager: EntityManager,
  workspaceId: string,
): Promise<KpiTile[]> {
  const rows: TilePointRow[] = await manager.query(
    `SELECT m."key", m."name", m."unit", m."direction", p."timestamp", p."value"
       FROM "metric" m
       LEFT JOIN LATERAL (
         SELECT "timestamp", "value" FROM "metric_point"
          WHERE "metric_id" = m."id"
          ORDER BY "timestamp" DESC
          LIMIT $2
       ) p ON true
      WHERE m."workspace_id" = $1
      ORDER BY m."key", p."timestamp"`,
    [workspaceId, PORTFOLIO_SPARKLINE_POINTS],
  );
  const byKey = new Map<
    string,
    { metric: TilePointRow; points: { timestamp: Date; value: number }[] }
  >();
  for (const row of rows) {
    const entry = byKey.get(row.key) ?? { metric: row, points: [] };
    if (row.timestamp !== null && row.value !== null) {
      entry.points.push({ timestamp: row.timestamp, value: Number(row.value) });
    }
    byKey.set(row.key, entry);
  }
  return [...byKey.values()].map(({ metric, points }) => tileOf(metric, points));
}

function tileOf(
  metric: TilePointRow,
  points: readonly { timestamp: Date; value: number }[],
): KpiTile {
  const values = points.map(({ value }) => value);
  const last = points.at(-1);
  const chart = xmr(values);
  const recentFrom = points.length - PORTFOLIO_RECENT_SIGNAL_POINTS;
  // The newest signalled point; of its rules the first `xmr` lists (beyond-limits leads).
  const recent = chart?.signals.filter(({ index }) => index >= recentFrom) ?? [];
  const newestIndex = recent.at(-1)?.index;
  const signal = recent.find(({ index }) => index === newestIndex);
  const signalPoint = signal ? points[signal.index] : undefined;
  return {
    key: metric.key,
    name: metric.name,
    unit: metric.unit,
    direction: metric.direction,
    latest: last ? { timestamp: last.timestamp.toISOString(), value: last.value } : null,
    sparkline: values,
    signal:
      signal && signalPoint
        ? { rule: signal.rule, index: signal.index, timestamp: signalPoint.timestamp.toISOString() }
        : null,
  };
}
