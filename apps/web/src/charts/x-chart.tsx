import { Box } from '@mantine/core';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCompact, formatValue } from '../components/format';
import { ChartLegend, type LegendItem } from './chart-legend';
import { AXIS_TICK, CHART_COLORS, CHART_HEIGHT } from './chart-theme';
import { ChartTooltipCard, hoveredRow, type HoverProps } from './chart-tooltip';
import { SignalDot } from './signal-dot';
import { describeBucket, timeTickFormatter, timeTicks } from './time-axis';
import {
  currentSegment,
  type XmrChartData,
  type XmrChartSegment,
  type XmrRow,
  XMR_RULE_LABELS,
} from './xmr-chart-data';

const LIMIT_DASH = '6 4';
const SHIFT_DASH = '1 3';
const GUARDRAIL_DASH = '2 3';

export interface XChartProps {
  data: XmrChartData;
  /** Names the chart for screen readers, e.g. the metric's name. */
  label: string;
}

/**
 * Individuals (X) chart: the values with their mean and natural process limits — one set per
 * segment, new ones after a sustained shift — signals as diamonds, and a guardrail's limit when
 * there is one. Pure: everything comes in `data`.
 */
export function XChart({ data, label }: XChartProps) {
  const { rows, unit } = data;
  const first = rows[0]?.time ?? 0;
  const last = rows[rows.length - 1]?.time ?? 0;
  const tick = timeTickFormatter(data.bucket, last - first);
  const signals = rows.filter((row) => row.valueSignals.length > 0).length;
  const current = currentSegment(data);
  return (
    <Box role="figure" aria-label={`X chart of ${label}`}>
      <LineChart
        responsive
        style={{ width: '100%', height: CHART_HEIGHT }}
        data={rows}
        margin={{ top: 16, right: 24, bottom: 4, left: 4 }}
        title={`X chart of ${label}`}
        desc={`${rows.length} points, ${data.segments.length === 1 ? 'one set of limits' : `${data.segments.length} sets of limits`}, current mean ${formatValue(current.mean, unit)}, ${signals} with a signal.`}
      >
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis
          dataKey="time"
          type="number"
          scale="time"
          domain={[first, last]}
          ticks={timeTicks(first, last)}
          tickFormatter={tick}
          tick={AXIS_TICK}
          minTickGap={24}
        />
        <YAxis
          tick={AXIS_TICK}
          tickFormatter={formatCompact}
          width={56}
          domain={['auto', 'auto']}
        />
        {data.segments.map((segment, position) => (
          <SegmentLimits
            key={segment.firstTime}
            segment={segment}
            labelled={position === data.segments.length - 1}
          />
        ))}
        {data.segments.map(
          (segment) =>
            segment.shiftInView && (
              <ReferenceLine
                key={`shift-${segment.firstTime}`}
                x={segment.firstTime}
                stroke={CHART_COLORS.limit}
                strokeDasharray={SHIFT_DASH}
                label={{
                  value: `Shift ${segment.shiftInView.direction}: new limits`,
                  position: 'insideTopRight',
                  fontSize: 11,
                  fill: CHART_COLORS.limit,
                }}
              />
            ),
        )}
        {data.guardrailLimit !== null && (
          <ReferenceLine
            y={data.guardrailLimit}
            stroke={CHART_COLORS.guardrail}
            strokeWidth={2}
            strokeDasharray={GUARDRAIL_DASH}
            ifOverflow="extendDomain"
            label={{
              value: 'Guardrail limit',
              position: 'insideTopRight',
              fontSize: 11,
              fill: CHART_COLORS.guardrail,
            }}
          />
        )}
        <Tooltip
          content={({ active, payload }) => (
            <XTooltip active={active} payload={payload} data={data} />
          )}
        />
        <Line
          type="linear"
          dataKey="value"
          stroke={CHART_COLORS.series}
          strokeWidth={1.5}
          isAnimationActive={false}
          dot={(props) => (
            <SignalDot
              key={props.index}
              cx={props.cx}
              cy={props.cy}
              signal={rows[props.index]?.valueSignals.length !== 0}
            />
          )}
          activeDot={{ r: 5 }}
        />
      </LineChart>
      <ChartLegend items={xLegend(data)} />
    </Box>
  );
}

/** One segment's mean and limits, drawn over the rows they judge. */
function SegmentLimits({ segment, labelled }: { segment: XmrChartSegment; labelled: boolean }) {
  const span = (y: number): [{ x: number; y: number }, { x: number; y: number }] => [
    { x: segment.firstTime, y },
    { x: segment.lastTime, y },
  ];
  const label = (value: string, position: 'insideTopLeft' | 'insideBottomLeft', fill: string) =>
    labelled ? { value, position, fontSize: 11, fill } : undefined;
  return (
    <>
      <ReferenceLine
        segment={span(segment.mean)}
        stroke={CHART_COLORS.mean}
        ifOverflow="extendDomain"
        label={label('Mean', 'insideBottomLeft', CHART_COLORS.mean)}
      />
      <ReferenceLine
        segment={span(segment.upperLimit)}
        stroke={CHART_COLORS.limit}
        strokeDasharray={LIMIT_DASH}
        ifOverflow="extendDomain"
        label={label('Upper limit', 'insideTopLeft', CHART_COLORS.limit)}
      />
      {segment.lowerLimit !== null && (
        <ReferenceLine
          segment={span(segment.lowerLimit)}
          stroke={CHART_COLORS.limit}
          strokeDasharray={LIMIT_DASH}
          ifOverflow="extendDomain"
          label={label('Lower limit', 'insideBottomLeft', CHART_COLORS.limit)}
        />
      )}
    </>
  );
}

function xLegend(data: XmrChartData): LegendItem[] {
  const current = currentSegment(data);
  const several = data.segments.length > 1;
  const items: LegendItem[] = [
    { label: 'Value', mark: { kind: 'shape', shape: 'circle', color: CHART_COLORS.series } },
    { label: 'Signal', mark: { kind: 'shape', shape: 'diamond', color: CHART_COLORS.signal } },
    {
      label: `${several ? 'Current mean' : 'Mean'} ${formatValue(current.mean, data.unit)}`,
      mark: { kind: 'line', color: CHART_COLORS.mean },
    },
    {
      label: several
        ? `Current ${limitsWords(current, data.unit)}`
        : upperFirst(limitsWords(current, data.unit)),
      mark: { kind: 'line', color: CHART_COLORS.limit, dash: LIMIT_DASH },
    },
  ];
  if (data.guardrailLimit !== null) {
    items.push({
      label: `Guardrail limit ${formatValue(data.guardrailLimit, data.unit)}`,
      mark: { kind: 'line', color: CHART_COLORS.guardrail, dash: GUARDRAIL_DASH },
    });
  }
  return items;
}

function XTooltip({ active, payload, data }: HoverProps & { data: XmrChartData }) {
  const row = hoveredRow<XmrRow>(payload);
  if (!active || !row) return null;
  return (
    <ChartTooltipCard
      heading={describeBucket(data.bucket, row.timestamp)}
      lines={[
        `${formatValue(row.value, data.unit)}${row.count > 1 ? ` (mean of ${row.count})` : ''}`,
        ...row.valueSignals.map((rule) => `◆ Signal: ${XMR_RULE_LABELS[rule]}`),
        ...limitsOf(data.segments[row.segment], data.unit),
      ]}
    />
  );
}

/** "limits 152 ms – 280 ms", or "upper limit 280 ms" when there is no lower one. */
function limitsWords(segment: XmrChartSegment, unit: string): string {
  return segment.lowerLimit === null
    ? `upper limit ${formatValue(segment.upperLimit, unit)}`
    : `limits ${formatValue(segment.lowerLimit, unit)} – ${formatValue(segment.upperLimit, unit)}`;
}

function limitsOf(segment: XmrChartSegment | undefined, unit: string): string[] {
  return segment ? [upperFirst(limitsWords(segment, unit))] : [];
}

function upperFirst(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
