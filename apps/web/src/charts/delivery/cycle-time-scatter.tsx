import { Box } from '@mantine/core';
import { CartesianGrid, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDay, formatShortDay } from '../../components/format';
import { ChartLegend, type LegendItem } from '../chart-legend';
import { AXIS_TICK, CHART_COLORS, CHART_HEIGHT } from '../chart-theme';
import { ChartTooltipCard, hoveredRow, type HoverProps } from '../chart-tooltip';
import { formatDays } from '../figures';
import { timeTicks } from '../time-axis';
import type { CycleTimePoint } from './cycle-time-data';
import { DELIVERY_COLORS } from './delivery-colors';
import { lightDot } from './light-dot';
import type { PercentileLine } from './percentile-lines';
import { percentileReferenceLines } from './percentile-reference-lines';

const Dot = lightDot(DELIVERY_COLORS.point);

export interface CycleTimeScatterProps {
  points: CycleTimePoint[];
  lines: PercentileLine[];
  /** The selected range, so the axis spans it even where no item finished. */
  from: string;
  to: string;
}

/**
 * One dot per finished item: the day it was done and its cycle time, with the percentile
 * lines. Built for thousands of points: bare circles, no animation.
 */
export function CycleTimeScatter({ points, lines, from, to }: CycleTimeScatterProps) {
  const first = Date.parse(`${from}T00:00:00.000Z`);
  const last = Date.parse(`${to}T00:00:00.000Z`);
  return (
    <Box role="figure" aria-label="Cycle time of each finished item">
      <ScatterChart
        responsive
        style={{ width: '100%', height: CHART_HEIGHT + 40 }}
        margin={{ top: 16, right: 24, bottom: 4, left: 4 }}
        title="Cycle time of each finished item"
        desc={`${points.length} items finished between ${formatDay(from)} and ${formatDay(to)}.`}
      >
        <CartesianGrid stroke={CHART_COLORS.grid} />
        <XAxis
          dataKey="time"
          type="number"
          scale="time"
          name="Done"
          domain={[first, last]}
          ticks={timeTicks(first, last)}
          tickFormatter={(time: number) => formatShortDay(time)}
          tick={AXIS_TICK}
        />
        <YAxis
          dataKey="cycleTime"
          type="number"
          name="Cycle time"
          unit=" d"
          tick={AXIS_TICK}
          width={52}
          allowDecimals={false}
        />
        {percentileReferenceLines(lines)}
        <Tooltip
          cursor={{ strokeDasharray: '3 3' }}
          content={({ active, payload }) => <CycleTimeTooltip active={active} payload={payload} />}
        />
        <Scatter data={points} name="Finished item" shape={Dot} isAnimationActive={false} />
      </ScatterChart>
      <ChartLegend items={percentileLegend(lines)} />
    </Box>
  );
}

export function percentileLegend(lines: PercentileLine[]): LegendItem[] {
  return [
    { label: 'Item', mark: { kind: 'shape', shape: 'circle', color: DELIVERY_COLORS.point } },
    ...lines.map((line) => ({
      label: `${line.label}: ${formatDays(line.days)}`,
      mark: { kind: 'line' as const, color: DELIVERY_COLORS.percentile, dash: line.dash },
    })),
  ];
}

function CycleTimeTooltip({ active, payload }: HoverProps) {
  const point = hoveredRow<CycleTimePoint>(payload);
  if (!active || !point) return null;
  return (
    <ChartTooltipCard
      heading={point.key}
      lines={[`Done ${formatDay(point.doneDay)}`, `Cycle time ${formatDays(point.cycleTime)}`]}
    />
  );
}
