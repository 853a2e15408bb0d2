import { Box } from '@mantine/core';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCompact, formatValue } from '../components/format';
import { ChartLegend, type LegendItem } from './chart-legend';
import { AXIS_TICK, CHART_COLORS, CHART_HEIGHT } from './chart-theme';
import { ChartTooltipCard, hoveredRow, type HoverProps } from './chart-tooltip';
import { SignalDot } from './signal-dot';
import { describeBucket, timeTickFormatter, timeTicks } from './time-axis';
import { type XmrChartData, type XmrRow, XMR_RULE_LABELS } from './xmr-chart-data';

const LIMIT_DASH = '6 4';
const GUARDRAIL_DASH = '2 3';

export interface XChartProps {
  data: XmrChartData;
  /** Names the chart for screen readers, e.g. the metric's name. */
  label: string;
}

/**
 * Individuals (X) chart: the values with their mean and natural process limits, signals as
 * diamonds, and a guardrail's limit when there is one. Pure: everything comes in `data`.
 */
export function XChart({ data, label }: XChartProps) {
  const { rows, unit } = data;
  const first = rows[0]?.time ?? 0;
  const last = rows[rows.length - 1]?.time ?? 0;
  const tick = timeTickFormatter(data.bucket, last - first);
  const signals = rows.filter((row) => row.valueSignals.length > 0).length;
  return (
    <Box role="figure" aria-label={`X chart of ${label}`}>
      <LineChart
        responsive
        style={{ width: '100%', height: CHART_HEIGHT }}
        data={rows}
        margin={{ top: 16, right: 24, bottom: 4, left: 4 }}
        title={`X chart of ${label}`}
        desc={`${rows.length} points, mean ${formatValue(data.mean, unit)}, ${signals} with a signal.`}
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
        <ReferenceLine
          y={data.mean}
          stroke={CHART_COLORS.mean}
          ifOverflow="extendDomain"
          label={{
            value: 'Mean',
            position: 'insideBottomLeft',
            fontSize: 11,
            fill: CHART_COLORS.mean,
          }}
        />
        <ReferenceLine
          y={data.upperLimit}
          stroke={CHART_COLORS.limit}
          strokeDasharray={LIMIT_DASH}
          ifOverflow="extendDomain"
          label={{
            value: 'Upper limit',
            position: 'insideTopLeft',
            fontSize: 11,
            fill: CHART_COLORS.limit,
          }}
        />
        {data.lowerLimit !== null && (
          <ReferenceLine
            y={data.lowerLimit}
            stroke={CHART_COLORS.limit}
            strokeDasharray={LIMIT_DASH}
            ifOverflow="extendDomain"
            label={{
              value: 'Lower limit',
              position: 'insideBottomLeft',
              fontSize: 11,
              fill: CHART_COLORS.limit,
            }}
          />
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

function xLegend(data: XmrChartData): LegendItem[] {
  const items: LegendItem[] = [
    { label: 'Value', mark: { kind: 'shape', shape: 'circle', color: CHART_COLORS.series } },
    { label: 'Signal', mark: { kind: 'shape', shape: 'diamond', color: CHART_COLORS.signal } },
    {
      label: `Mean ${formatValue(data.mean, data.unit)}`,
      mark: { kind: 'line', color: CHART_COLORS.mean },
    },
    {
      label:
        data.lowerLimit === null
          ? `Upper limit ${formatValue(data.upperLimit, data.unit)}`
          : `Limits ${formatValue(data.lowerLimit, data.unit)} – ${formatValue(data.upperLimit, data.unit)}`,
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
      ]}
    />
  );
}
