import type { FlowSpanResponse } from '@bearing/contracts';
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import {
  useAgingWip,
  useCumulativeFlow,
  useCycleTimes,
  useWeeklyThroughput,
} from '../../../api/delivery';
import { agingWipChartData } from '../../../charts/delivery/aging-wip-data';
import { AgingWipTable } from '../../../charts/delivery/aging-wip-table';
import { cumulativeFlowChartData } from '../../../charts/delivery/cumulative-flow-data';
import { CumulativeFlowTable } from '../../../charts/delivery/cumulative-flow-table';
import { cycleTimePoints } from '../../../charts/delivery/cycle-time-data';
import { CycleTimeTable } from '../../../charts/delivery/cycle-time-table';
import { percentileLines } from '../../../charts/delivery/percentile-lines';
import { ThroughputTable } from '../../../charts/delivery/throughput-table';
import { CHART_HEIGHT } from '../../../charts/chart-theme';
import { lazyChart } from '../../../charts/lazy-chart';
import { formatDay, formatNumber } from '../../../components/format';
import { DeliveryChart } from './delivery-chart';
import { flowEmptyStates } from './flow-empty-states';
import type { FlowRange } from './flow-range';

// The three taller charts keep 40 px under the plot for their legend.
const tall = () => ({ height: CHART_HEIGHT + 40 });
const CycleTimeScatter = lazyChart(
  async () => (await import('../../../charts/delivery/cycle-time-scatter')).CycleTimeScatter,
  tall,
);
const ThroughputChart = lazyChart(
  async () => (await import('../../../charts/delivery/throughput-chart')).ThroughputChart,
);
const CumulativeFlowChart = lazyChart(
  async () => (await import('../../../charts/delivery/cumulative-flow-chart')).CumulativeFlowChart,
  tall,
);
const AgingWipChart = lazyChart(
  async () => (await import('../../../charts/delivery/aging-wip-chart')).AgingWipChart,
  tall,
);

export interface FlowSectionProps {
  workspace: string;
  teamId: string;
  range: FlowRange;
  /** The days the team's items cover; `null` if they could not be read. */
  span: FlowSpanResponse | null;
  /** Shows other days (an empty chart's "show the team's data"). */
  onShowDays: (from: string, to: string) => void;
}

/** How work flows: cycle times, weekly throughput, the CFD and the age of the work in progress. */
export function FlowSection({ workspace, teamId, range, span, onShowDays }: FlowSectionProps) {
  const days = { from: range.from, to: range.to };
  const cycleTimes = useCycleTimes(workspace, teamId, days);
  const throughput = useWeeklyThroughput(workspace, teamId, days);
  const cfd = useCumulativeFlow(workspace, teamId, days);
  const aging = useAgingWip(workspace, teamId);

  const scatter = useMemo(
    () => (cycleTimes.data ? cycleTimePoints(cycleTimes.data) : null),
    [cycleTimes.data],
  );
  const lines = useMemo(
    () => (cycleTimes.data ? percentileLines(cycleTimes.data.percentiles) : []),
    [cycleTimes.data],
  );
  const flow = useMemo(() => (cfd.data ? cumulativeFlowChartData(cfd.data) : null), [cfd.data]);
  const agingData = useMemo(
    () => (aging.data ? agingWipChartData(aging.data) : null),
    [aging.data],
  );
  const finished = throughput.data?.buckets.some((bucket) => bucket.count > 0) ?? false;
  const empty = flowEmptyStates({ range, span, onShowDays });

  return (
    <Stack gap="md">
      {range.preset === 'data' && (
        <Text size="sm" c="dimmed" data-testid="flow-range-note">
          Nothing changed in the last 90 days: showing the team’s latest data,{' '}
          {formatDay(range.from)} – {formatDay(range.to)}.
        </Text>
      )}
      <DeliveryChart
        title="Cycle time"
        definition="cycleTime"
        query={cycleTimes}
        content={
          scatter && scatter.points.length > 0
            ? {
                chart: (
                  <CycleTimeScatter
                    points={scatter.points}
                    lines={lines}
                    from={days.from}
                    to={days.to}
                  />
                ),
                table: <CycleTimeTable points={scatter.points} lines={lines} />,
              }
            : null
        }
        empty={empty.cycleTime}
      >
        {cycleTimes.data?.sampled && (
          <Text size="xs" c="dimmed" data-testid="cycle-time-sampled">
            Showing {formatNumber(cycleTimes.data.points.length)} of{' '}
            {formatNumber(cycleTimes.data.total)} items, evenly spaced by done day (percentiles use
            all).
          </Text>
        )}
        {scatter && scatter.withoutCycleTime > 0 && (
          <Text size="xs" c="dimmed">
            {scatter.withoutCycleTime} finished items have no cycle time (never seen in the
            committed stage) and are not plotted.
          </Text>
        )}
      </DeliveryChart>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <DeliveryChart
          title="Weekly throughput"
          definition="throughput"
          query={throughput}
          content={
            throughput.data && finished
              ? {
                  chart: <ThroughputChart buckets={throughput.data.buckets} />,
                  table: <ThroughputTable buckets={throughput.data.buckets} />,
                }
              : null
          }
          empty={empty.throughput}
        />
        <DeliveryChart
          title="Aging work in progress"
          definition="agingWip"
          query={aging}
          content={
            agingData && agingData.points.length > 0
              ? {
                  chart: <AgingWipChart data={agingData} lines={lines} />,
                  table: <AgingWipTable data={agingData} lines={lines} />,
                }
              : null
          }
          empty={empty.aging}
        >
          {aging.data && aging.data.total > aging.data.items.length && (
            <Text size="xs" c="dimmed" data-testid="aging-sampled">
              Showing the {formatNumber(aging.data.items.length)} oldest of{' '}
              {formatNumber(aging.data.total)} items in progress.
            </Text>
          )}
        </DeliveryChart>
      </SimpleGrid>
      <DeliveryChart
        title="Cumulative flow"
        definition="cumulativeFlow"
        query={cfd}
        content={
          flow && flow.rows.some((row) => Object.values(row.counts).some((count) => count > 0))
            ? {
                chart: <CumulativeFlowChart data={flow} />,
                table: <CumulativeFlowTable data={flow} />,
              }
            : null
        }
        empty={empty.cumulativeFlow}
      />
    </Stack>
  );
}
