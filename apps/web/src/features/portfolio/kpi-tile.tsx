import type { KpiTile as KpiTileData } from '@bearing/contracts';
import { Anchor, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { workspacePath } from '../../app/layout/navigation-items';
import { formatShortDay, formatValue } from '../../components/format';
import { StatusBadge } from '../../components/status-badge';

// Recharts is most of the charts' weight: the tiles' numbers and badges show first, the
// sparklines follow, so the executive landing page stays light.
const Sparkline = lazy(async () => ({
  default: (await import('../../charts/sparkline')).Sparkline,
}));

const RULE_WORDS: Record<NonNullable<KpiTileData['signal']>['rule'], string> = {
  'beyond-limits': 'beyond the limits',
  'three-of-four': '3 of 4 near a limit',
  'run-of-eight': 'run of 8 on one side',
  'range-beyond-limit': 'jump beyond the range limit',
};

/** A KPI: latest value, its last points, and whether XmR says something real changed lately. */
export function KpiTile({ workspace, tile }: { workspace: string; tile: KpiTileData }) {
  const data = tile.sparkline.map((value, index) => ({
    value,
    signal: tile.signal?.index === index,
  }));
  const latest = tile.latest;
  const label = latest
    ? `${tile.sparkline.length} values, latest ${formatValue(latest.value, tile.unit)}${
        tile.signal ? ', with a signal' : ''
      }`
    : 'No values yet';
  return (
    <Card withBorder padding="sm" component="article">
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
        {tile.signal ? (
          <StatusBadge
            status={{
              label: `Signal: ${RULE_WORDS[tile.signal.rule]}`,
              color: 'orange',
              shape: 'diamond',
            }}
            prefix="XmR:"
            size="xs"
            title={`On ${formatShortDay(tile.signal.timestamp)}: a real change, not noise`}
          />
        ) : (
          <StatusBadge
            status={{ label: 'Routine variation', color: 'gray', shape: 'circle' }}
            prefix="XmR:"
            size="xs"
          />
        )}
      </Stack>
    </Card>
  );
}
