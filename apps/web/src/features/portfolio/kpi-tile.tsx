import type { KpiTile as KpiTileData } from '@bearing/contracts';
import { Anchor, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { workspacePath } from '../../app/layout/navigation-items';
import { formatShortDay, formatValue } from '../../components/format';
import { XmrStatusSummary } from '../metrics/xmr-status-summary';

// Recharts is most of the charts' weight: the tiles' numbers and badges show first, the
// sparklines follow, so the executive landing page stays light.
const Sparkline = lazy(async () => ({
  default: (await import('../../charts/sparkline')).Sparkline,
}));

/**
 * A KPI: latest value, its last points, and whether XmR says something real changed lately —
 * the metric's one XmR status, the same as on its page and in the metrics list, with the window
 * its limits come from.
 */
export function KpiTile({ workspace, tile }: { workspace: string; tile: KpiTileData }) {
  const { sparkline, sparklineSignals, status } = tile.trend;
  const signalled = new Set(sparklineSignals);
  const data = sparkline.map((value, index) => ({ value, signal: signalled.has(index) }));
  const latest = tile.latest;
  const label = latest
    ? `${sparkline.length} values, latest ${formatValue(latest.value, tile.unit)}, ${signalled.size} with a signal`
    : 'No values yet';
  return (
    <Card withBorder padding="sm" component="article" aria-label={tile.name}>
      <Stack gap={4}>
        <Anchor
          component={Link}
          to={workspacePath(workspace, `metrics/${tile.key}`)}
          size="sm"
          fw={600}
          lineClamp={1}
        >
          {tile.name}
        </Anchor>
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <Stack gap={0}>
            <Text fw={700} size="lg">
              {latest ? formatValue(latest.value, tile.unit) : '—'}
            </Text>
            <Text size="xs" c="dimmed">
              {latest ? formatShortDay(latest.timestamp) : 'no data yet'}
            </Text>
          </Stack>
          {data.length > 1 && (
            <Suspense fallback={<Skeleton width={120} height={36} aria-label={label} />}>
              <Sparkline data={data} label={label} width={120} height={36} />
            </Suspense>
          )}
        </Group>
        <XmrStatusSummary status={status} unit={tile.unit} size="xs" />
      </Stack>
    </Card>
  );
}
