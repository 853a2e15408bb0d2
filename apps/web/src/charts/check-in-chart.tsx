import type { Confidence } from '@bearing/contracts';
import { Box } from '@mantine/core';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCompact, formatDay, formatShortDay, formatValue } from '../components/format';
import { ChartLegend, type LegendItem } from './chart-legend';
import { AXIS_TICK, CHART_COLORS, CHART_HEIGHT } from './chart-theme';
import { ChartTooltipCard, hoveredRow, type HoverProps } from './chart-tooltip';
import { ConfidenceDot } from './confidence-dot';
import { CONFIDENCE_MARKS } from './confidence-marks';
import { timeTicks } from './time-axis';

export interface CheckInPoint {
  /** Epoch milliseconds of the check-in's day. */
  time: number;
  date: string;
  value: number;
  confidence: Confidence;
}

export interface CheckInChartData {
  /** Oldest first. */
  points: CheckInPoint[];
  target: number;
  baseline: number | null;
  unit: string;
  /** The period, so the chart shows how much of it is left. */
  periodStart: string;
  periodEnd: string;
  /** Marked on the chart when it falls within the period. */
  today: string;
}

const BASELINE_DASH = '6 4';

/** A key result's check-in values over its period, against its baseline and target. Pure. */
export function CheckInChart({ data, label }: { data: CheckInChartData; label: string }) {
  const start = Date.parse(data.periodStart);
  const end = Date.parse(data.periodEnd);
  const times = data.points.map((point) => point.time);
  const domain: [number, number] = [Math.min(start, ...times), Math.max(end, ...times)];
  const today = Date.parse(data.today);
  return (
    <Box role="figure" aria-label={`Check-ins of ${label}`}>
      <LineChart
        responsive
        style={{ width: '100%', height: CHART_HEIGHT }}
        data={data.points}
        margin={{ top: 16, right: 24, bottom: 4, left: 4 }}
        title={`Check-ins of ${label}`}
        desc={`${data.points.length} check-ins against a target of ${formatValue(data.target, data.unit)}.`}
      >
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis
          dataKey="time"
          type="number"
          scale="time"
          domain={domain}
          ticks={timeTicks(domain[0], domain[1])}
          tickFormatter={formatShortDay}
          tick={AXIS_TICK}
          minTickGap={24}
        />
        <YAxis
          tick={AXIS_TICK}
          tickFormatter={formatCompact}
          width={56}
          domain={['auto', 'auto']}
        />
        <ReferenceLine
          y={data.target}
          stroke={CHART_COLORS.target}
          strokeWidth={2}
          ifOverflow="extendDomain"
          label={{
            value: 'Target',
            position: 'insideTopLeft',
            fontSize: 11,
            fill: CHART_COLORS.target,
          }}
        />
        {today >= domain[0] && today <= domain[1] && (
          <ReferenceLine
            x={today}
            stroke={CHART_COLORS.axis}
            strokeDasharray="2 3"
            label={{
              value: 'Today',
              position: 'insideTopRight',
              fontSize: 11,
              fill: CHART_COLORS.axis,
            }}
          />
        )}
        {data.baseline !== null && (
          <ReferenceLine
            y={data.baseline}
            stroke={CHART_COLORS.baseline}
            strokeDasharray={BASELINE_DASH}
            ifOverflow="extendDomain"
            label={{
              value: 'Baseline',
              position: 'insideBottomLeft',
              fontSize: 11,
              fill: CHART_COLORS.axis,
            }}
          />
        )}
        <Tooltip
          content={({ active, payload }) => (
            <CheckInTooltip active={active} payload={payload} unit={data.unit} />
          )}
        />
        <Line
          type="linear"
          dataKey="value"
          stroke={CHART_COLORS.series}
          strokeWidth={2}
          isAnimationActive={false}
          dot={(props) => (
            <ConfidenceDot
              key={props.index}
              cx={props.cx}
              cy={props.cy}
              confidence={data.points[props.index]?.confidence}
            />
          )}
          activeDot={{ r: 6 }}
        />
      </LineChart>
      <ChartLegend items={legend(data)} />
    </Box>
  );
}

function legend(data: CheckInChartData): LegendItem[] {
  const items: LegendItem[] = (Object.keys(CONFIDENCE_MARKS) as Confidence[]).map((confidence) => ({
    label: `Check-in, ${CONFIDENCE_MARKS[confidence].label.toLowerCase()}`,
    mark: {
      kind: 'shape',
      shape: CONFIDENCE_MARKS[confidence].shape,
      color: CONFIDENCE_MARKS[confidence].color,
    },
  }));
  items.push({
    label: `Target ${formatValue(data.target, data.unit)}`,
    mark: { kind: 'line', color: CHART_COLORS.target },
  });
  if (data.baseline !== null) {
    items.push({
      label: `Baseline ${formatValue(data.baseline, data.unit)}`,
      mark: { kind: 'line', color: CHART_COLORS.baseline, dash: BASELINE_DASH },
    });
  }
  return items;
}

function CheckInTooltip({ active, payload, unit }: HoverProps & { unit: string }) {
  const point = hoveredRow<CheckInPoint>(payload);
  if (!active || !point) return null;
  return (
    <ChartTooltipCard
      heading={formatDay(point.date)}
      lines={[
        formatValue(point.value, unit),
        `Confidence: ${CONFIDENCE_MARKS[point.confidence].label.toLowerCase()}`,
      ]}
    />
  );
}
