import type { ThroughputResponse } from '@bearing/contracts';
import { Box } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDay, formatShortDay } from '../../components/format';
import { AXIS_TICK, CHART_COLORS, CHART_HEIGHT } from '../chart-theme';
import { ChartTooltipCard, hoveredRow, type HoverProps } from '../chart-tooltip';
import { DELIVERY_COLORS } from './delivery-colors';

type Bucket = ThroughputResponse['buckets'][number];

/** Items finished per week, one bar per ISO week labelled by its Monday. */
export function ThroughputChart({ buckets }: { buckets: Bucket[] }) {
  const total = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  return (
    <Box role="figure" aria-label="Items finished per week">
      <BarChart
        responsive
        style={{ width: '100%', height: CHART_HEIGHT }}
        data={buckets}
        margin={{ top: 16, right: 24, bottom: 4, left: 4 }}
        title="Items finished per week"
        desc={`${buckets.length} weeks, ${total} items finished.`}
      >
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis dataKey="start" tick={AXIS_TICK} tickFormatter={formatShortDay} minTickGap={16} />
        <YAxis tick={AXIS_TICK} width={40} allowDecimals={false} />
        <Tooltip
          content={({ active, payload }) => <ThroughputTooltip active={active} payload={payload} />}
        />
        <Bar
          dataKey="count"
          name="Items finished"
          fill={DELIVERY_COLORS.throughput}
          isAnimationActive={false}
        />
      </BarChart>
    </Box>
  );
}

function ThroughputTooltip({ active, payload }: HoverProps) {
  const bucket = hoveredRow<Bucket>(payload);
  if (!active || !bucket) return null;
  return (
    <ChartTooltipCard
      heading={`Week of ${formatDay(bucket.start)}`}
      lines={[`${bucket.count} ${bucket.count === 1 ? 'item' : 'items'} finished`]}
    />
  );
}
