import { Box, Text } from '@mantine/core';
import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDay, formatShortDay } from '../../components/format';
import { ChartLegend } from '../chart-legend';
import { AXIS_TICK, CHART_COLORS, CHART_HEIGHT } from '../chart-theme';
import { ChartTooltipCard, hoveredRow, type HoverProps } from '../chart-tooltip';
import { timeTicks } from '../time-axis';
import type { CumulativeFlowChartData, CumulativeFlowRow } from './cumulative-flow-data';
import { stageColor } from './delivery-colors';

/**
 * The cumulative flow diagram: one band per workflow stage, the first stage on top and done at
 * the bottom. Bands are shaded from light to dark along the workflow, so their order reads
 * without colour, and the legend lists them in that order.
 */
export function CumulativeFlowChart({ data }: { data: CumulativeFlowChartData }) {
  const { rows, stages } = data;
  const first = rows[0]?.time ?? 0;
  const last = rows[rows.length - 1]?.time ?? 0;
  const floor = doneFloor(data);
  return (
    <Box role="figure" aria-label="Cumulative flow by workflow stage">
      <AreaChart
        responsive
        style={{ width: '100%', height: CHART_HEIGHT + 40 }}
        data={rows}
        margin={{ top: 16, right: 24, bottom: 4, left: 4 }}
        title="Cumulative flow by workflow stage"
        desc={`${rows.length} days across ${stages.length} stages: ${stages.join(', ')}.`}
      >
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis
          dataKey="time"
          type="number"
          scale="time"
          domain={[first, last]}
          ticks={timeTicks(first, last)}
          tickFormatter={(time: number) => formatShortDay(time)}
          tick={AXIS_TICK}
        />
        <YAxis tick={AXIS_TICK} width={48} allowDecimals={false} domain={[floor, 'auto']} />
        <Tooltip
          content={({ active, payload }) => (
            <CumulativeFlowTooltip active={active} payload={payload} stages={stages} />
          )}
        />
        {stages.map((stage, index) => (
          <Area
            key={stage}
            type="linear"
            name={stage}
            dataKey={(row: CumulativeFlowRow) => row.counts[stage] ?? 0}
            stroke="white"
            strokeWidth={1}
            fill={stageColor(index, stages.length)}
            fillOpacity={1}
            isAnimationActive={false}
            activeDot={false}
          />
        ))}
      </AreaChart>
      <Text size="xs" c="dimmed">
        Bands from top to bottom:
      </Text>
      <ChartLegend
        items={stages.map((stage, index) => ({
          label: `${index + 1}. ${stage}`,
          mark: { kind: 'shape', shape: 'square', color: stageColor(index, stages.length) },
        }))}
      />
    </Box>
  );
}

/**
 * Where the vertical axis starts: just below the fewest items done on any day of the range.
 * A team with two years behind it has hundreds of items done and a handful in progress; from
 * zero, the done band would fill the chart and the bands that matter would be hairlines.
 */
function doneFloor({ rows, stages }: CumulativeFlowChartData): number {
  const done = stages[stages.length - 1];
  if (done === undefined || rows.length === 0) return 0;
  const fewest = Math.min(...rows.map((row) => row.counts[done] ?? 0));
  return Math.floor(fewest / 10) * 10;
}

function CumulativeFlowTooltip({ active, payload, stages }: HoverProps & { stages: string[] }) {
  const row = hoveredRow<CumulativeFlowRow>(payload);
  if (!active || !row) return null;
  return (
    <ChartTooltipCard
      heading={formatDay(row.day)}
      lines={stages.map((stage) => `Reached ${stage}: ${row.counts[stage] ?? 0}`)}
    />
  );
}
