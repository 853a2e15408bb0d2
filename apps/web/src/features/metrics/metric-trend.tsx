import type { Metric } from '@bearing/contracts';
import { Group, Skeleton, Text } from '@mantine/core';
import { useMetricSeries } from '../../api/metrics';
import { Sparkline } from '../../charts/sparkline';
import { signalRows, xmrChartData } from '../../charts/xmr-chart-data';
import { formatValue } from '../../components/format';
import { SignalBadge } from './signal-badge';

/**
 * A metric's row cells that need its series: the sparkline and the XmR signal badge. The
 * container for the pure `Sparkline`.
 */
export function MetricTrend({ workspace, metric }: { workspace: string; metric: Metric }) {
  const series = useMetricSeries(workspace, metric.key);
  if (series.isPending) {
    return (
      <Group
        gap="md"
        wrap="nowrap"
        aria-busy="true"
        aria-label={`Loading the trend of ${metric.name}`}
      >
        <Skeleton width={140} height={28} />
        <Skeleton width={110} height={20} />
      </Group>
    );
  }
  if (series.isError) {
    return (
      <Text size="xs" c="red.8">
        Trend could not be loaded
      </Text>
    );
  }
  if (series.data.points.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        No values yet
      </Text>
    );
  }
  const data = xmrChartData(series.data, metric.unit);
  const signalTimes = new Set(data ? signalRows(data).map((row) => row.timestamp) : []);
  const points = series.data.points.map((point) => ({
    value: point.value,
    signal: signalTimes.has(point.timestamp),
  }));
  const latest = series.data.points[series.data.points.length - 1];
  return (
    <Group gap="md" wrap="nowrap">
      <Sparkline
        data={points}
        label={`${metric.name}: ${points.length} values, latest ${formatValue(latest?.value ?? null, metric.unit)}, ${signalTimes.size} with a signal`}
      />
      <SignalBadge data={data} />
    </Group>
  );
}
