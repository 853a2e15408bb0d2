import { Box } from '@mantine/core';
import { CartesianGrid, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartLegend } from '../chart-legend';
import { AXIS_TICK, CHART_COLORS, CHART_HEIGHT } from '../chart-theme';
import { formatDays } from '../figures';
import { ChartTooltipCard, hoveredRow, type HoverProps } from '../chart-tooltip';
import type { AgingPoint, AgingWipChartData } from './aging-wip-data';
import { percentileLegend } from './cycle-time-scatter';
import { DELIVERY_COLORS } from './delivery-colors';
import { lightDot } from './light-dot';
import type { PercentileLine } from './percentile-lines';
import { percentileReferenceLines } from './percentile-reference-lines';

const Dot = lightDot(DELIVERY_COLORS.point, 4);

/**
 * Items in progress, one column per stage, higher the older, against the cycle-time
 * percentiles: a dot above the p85 line is older than 85 % of recently finished items were.
 */
export function AgingWipChart({
  data,
  lines,
}: {
  data: AgingWipChartData;
  lines: PercentileLine[];
}) {
  const { stages, points } = data;
  return (
    <Box role="figure" aria-label="Age of the items in progress by stage">
      <ScatterChart
        responsive
        style={{ width: '100%', height: CHART_HEIGHT + 40 }}
        margin={{ top: 16, right: 24, bottom: 4, left: 4 }}
        title="Age of the items in progress by stage"
        desc={`${points.length} items in progress across ${stages.length} stages.`}
      >
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis
          dataKey="x"
          type="number"
          name="Stage"
          domain={[-0.5, stages.length - 0.5]}
          ticks={stages.map((_, index) => index)}
          tickFormatter={(column: number) => stages[column] ?? ''}
          tick={AXIS_TICK}
          interval={0}
        />
        <YAxis
          dataKey="ageDays"
          type="number"
          name="Age"
          unit=" d"
          tick={AXIS_TICK}
          width={52}
          allowDecimals={false}
        />
        {percentileReferenceLines(lines)}
        <Tooltip
          cursor={false}
          content={({ active, payload }) => <AgingTooltip active={active} payload={payload} />}
        />
        <Scatter data={points} name="Item in progress" shape={Dot} isAnimationActive={false} />
      </ScatterChart>
      <ChartLegend items={percentileLegend(lines)} />
    </Box>
  );
}

function AgingTooltip({ active, payload }: HoverProps) {
  const point = hoveredRow<AgingPoint>(payload);
  if (!active || !point) return null;
  return (
    <ChartTooltipCard
      heading={`${point.key} · ${point.title}`}
      lines={[`In ${point.stage}`, `Age ${formatDays(point.ageDays)}`]}
    />
  );
}
