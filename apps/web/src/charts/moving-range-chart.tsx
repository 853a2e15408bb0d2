import { Box } from '@mantine/core';
import { Fragment } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCompact, formatValue } from '../components/format';
import { ChartLegend } from './chart-legend';
import { AXIS_TICK, CHART_COLORS, MOVING_RANGE_CHART_HEIGHT } from './chart-theme';
import { ChartTooltipCard, hoveredRow, type HoverProps } from './chart-tooltip';
import { SignalDot } from './signal-dot';
import { describeBucket, timeTickFormatter, timeTicks } from './time-axis';
import { currentSegment, type XmrChartData, type XmrRow } from './xmr-chart-data';

const LIMIT_DASH = '6 4';

export interface MovingRangeChartProps {
  data: XmrChartData;
  label: string;
}

/**
 * Moving range (mR) chart: how far each value moved from the previous one, with the average and
 * upper range limit of each segment of the X chart.
 */
export function MovingRangeChart({ data, label }: MovingRangeChartProps) {
  const rows = data.rows.filter((row) => row.movingRange !== null);
  const first = data.rows[0]?.time ?? 0;
  const last = data.rows[data.rows.length - 1]?.time ?? 0;
  const current = currentSegment(data);
  return (
    <Box role="figure" aria-label={`Moving range chart of ${label}`}>
      <LineChart
        responsive
        style={{ width: '100%', height: MOVING_RANGE_CHART_HEIGHT }}
        data={rows}
        margin={{ top: 16, right: 24, bottom: 4, left: 4 }}
        title={`Moving range chart of ${label}`}
        desc={`${rows.length} moving ranges, current average ${formatValue(current.averageMovingRange, data.unit)}.`}
      >
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis
          dataKey="time"
          type="number"
          scale="time"
          domain={[first, last]}
          ticks={timeTicks(first, last)}
          tickFormatter={timeTickFormatter(data.bucket, last - first)}
          tick={AXIS_TICK}
          minTickGap={24}
        />
        <YAxis tick={AXIS_TICK} tickFormatter={formatCompact} width={56} />
        {data.segments.map((segment, position) => (
          <Fragment key={segment.firstTime}>
            <ReferenceLine
              segment={[
                { x: segment.firstTime, y: segment.averageMovingRange },
                { x: segment.lastTime, y: segment.averageMovingRange },
              ]}
              stroke={CHART_COLORS.mean}
              ifOverflow="extendDomain"
            />
            <ReferenceLine
              segment={[
                { x: segment.firstTime, y: segment.upperRangeLimit },
                { x: segment.lastTime, y: segment.upperRangeLimit },
              ]}
              stroke={CHART_COLORS.limit}
              strokeDasharray={LIMIT_DASH}
              ifOverflow="extendDomain"
              label={
                position === data.segments.length - 1
                  ? {
                      value: 'Upper range limit',
                      position: 'insideTopLeft',
                      fontSize: 11,
                      fill: CHART_COLORS.limit,
                    }
                  : undefined
              }
            />
          </Fragment>
        ))}
        <Tooltip
          content={({ active, payload }) => (
            <RangeTooltip active={active} payload={payload} data={data} />
          )}
        />
        <Line
          type="linear"
          dataKey="movingRange"
          stroke={CHART_COLORS.series}
          strokeWidth={1.5}
          isAnimationActive={false}
          dot={(props) => (
            <SignalDot
              key={props.index}
              cx={props.cx}
              cy={props.cy}
              signal={rows[props.index]?.rangeSignal === true}
            />
          )}
          activeDot={{ r: 5 }}
        />
      </LineChart>
      <ChartLegend
        items={[
          {
            label: 'Moving range',
            mark: { kind: 'shape', shape: 'circle', color: CHART_COLORS.series },
          },
          {
            label: 'Signal',
            mark: { kind: 'shape', shape: 'diamond', color: CHART_COLORS.signal },
          },
          {
            label: `${data.segments.length > 1 ? 'Current average' : 'Average'} ${formatValue(current.averageMovingRange, data.unit)}`,
            mark: { kind: 'line', color: CHART_COLORS.mean },
          },
          {
            label: `Upper range limit ${formatValue(current.upperRangeLimit, data.unit)}`,
            mark: { kind: 'line', color: CHART_COLORS.limit, dash: LIMIT_DASH },
          },
        ]}
      />
    </Box>
  );
}

function RangeTooltip({ active, payload, data }: HoverProps & { data: XmrChartData }) {
  const row = hoveredRow<XmrRow>(payload);
  if (!active || !row) return null;
  return (
    <ChartTooltipCard
      heading={describeBucket(data.bucket, row.timestamp)}
      lines={[
        `Moved ${formatValue(row.movingRange, data.unit)}`,
        ...(row.rangeSignal ? ['◆ Signal: jump beyond the range limit'] : []),
      ]}
    />
  );
}
