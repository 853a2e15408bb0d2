import type { MetricListItem } from '@bearing/contracts';
import { Group, Text } from '@mantine/core';
import { lazyChart } from '../../charts/lazy-chart';
import { formatValue } from '../../components/format';
import { XmrStatusSummary } from './xmr-status-summary';

const Sparkline = lazyChart(
  async () => (await import('../../charts/sparkline')).Sparkline,
  ({ width = 140, height = 36 }) => ({ width, height }),
);

/**
 * A metric's row cells for its trend: the sparkline of its latest values with their signals, and
 * its XmR status with the window of its limits — all from the list response, as its portfolio
 * tile shows them.
 */
export function MetricTrend({ metric }: { metric: MetricListItem }) {
  const { sparkline, sparklineSignals, status } = metric.trend;
  if (sparkline.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        No values yet
      </Text>
    );
  }
  const signalled = new Set(sparklineSignals);
  const points = sparkline.map((value, index) => ({ value, signal: signalled.has(index) }));
  return (
    <Group gap="md" wrap="nowrap" align="flex-start">
      <Sparkline
        data={points}
        label={`${metric.name}: ${points.length} values, latest ${formatValue(sparkline[sparkline.length - 1] ?? null, metric.unit)}, ${signalled.size} with a signal`}
      />
      <XmrStatusSummary status={status} unit={metric.unit} />
    </Group>
  );
}
