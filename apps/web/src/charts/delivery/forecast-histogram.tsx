import { Box } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDay, formatShortDay } from '../../components/format';
import { ChartLegend, type LegendItem } from '../chart-legend';
import { AXIS_TICK, CHART_COLORS, CHART_HEIGHT } from '../chart-theme';
import { ChartTooltipCard, hoveredRow, type HoverProps } from '../chart-tooltip';
import { formatDays, formatPercent, percentTicks } from '../figures';
import { DELIVERY_COLORS } from './delivery-colors';
import type { ForecastBar } from './forecast-chart-data';
import { PERCENTILE_DASHES } from './percentile-lines';

/**
 * How often each finish day came up in the simulation. The bars where p50, p85 and p95 fall
 * are darker and crossed by a dashed line per percentile; the lines are named, with their day,
 * in the legend under the chart — labels above the bars ran into taller neighbours.
 */
export function ForecastHistogram({ bars, remaining }: { bars: ForecastBar[]; remaining: number }) {
  const yTicks = percentTicks(Math.max(0, ...bars.map((bar) => bar.probability)));
  const marked = percentileBars(bars);
  return (
    <Box role="figure" aria-label={`When ${remaining} items could be done`}>
      <BarChart
        responsive
        style={{ width: '100%', height: CHART_HEIGHT }}
        data={bars}
        margin={{ top: 16, right: 24, bottom: 4, left: 4 }}
        title={`When ${remaining} items could be done`}
        desc={`${bars.length} possible finish days.`}
      >
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis dataKey="day" tick={AXIS_TICK} tickFormatter={formatShortDay} minTickGap={16} />
        <YAxis
          tick={AXIS_TICK}
          width={48}
          domain={[0, yTicks[yTicks.length - 1] ?? 0.01]}
          ticks={yTicks}
          interval={0}
          tickFormatter={(share: number) => formatPercent(share)}
        />
        <Tooltip
          content={({ active, payload }) => <ForecastTooltip active={active} payload={payload} />}
        />
        <Bar dataKey="probability" name="Share of trials" isAnimationActive={false}>
          {bars.map((bar) => (
            <Cell
              key={bar.days}
              fill={bar.marks.length > 0 ? DELIVERY_COLORS.forecastMark : DELIVERY_COLORS.forecast}
            />
          ))}
        </Bar>
        {marked.map(({ label, bar }) => (
          <ReferenceLine
            key={label}
            x={bar.day}
            stroke={DELIVERY_COLORS.percentile}
            strokeDasharray={PERCENTILE_DASHES[label]}
            strokeWidth={1.5}
          />
        ))}
      </BarChart>
      <ChartLegend
        items={[
          {
            label: 'Share of trials finishing that day',
            mark: { kind: 'shape', shape: 'square', color: DELIVERY_COLORS.forecast },
          },
          ...marked.map(({ label, bar }): LegendItem => ({
            label: `${label}: ${formatDay(bar.day)} (${formatDays(bar.days)})`,
            mark: {
              kind: 'line',
              color: DELIVERY_COLORS.percentile,
              dash: PERCENTILE_DASHES[label],
            },
          })),
        ]}
      />
    </Box>
  );
}

function ForecastTooltip({ active, payload }: HoverProps) {
  const bar = hoveredRow<ForecastBar>(payload);
  if (!active || !bar) return null;
  return (
    <ChartTooltipCard
      heading={formatDay(bar.day)}
      lines={[
        `${formatPercent(bar.probability)} of trials finished after ${formatDays(bar.days)}`,
        ...bar.marks.map((mark) => `◆ ${mark}`),
      ]}
    />
  );
}

/** The bar each percentile falls on, p50 first; several percentiles may share one bar. */
function percentileBars(bars: ForecastBar[]) {
  return (['p50', 'p85', 'p95'] as const).flatMap((label) => {
    const bar = bars.find((candidate) => candidate.marks.includes(label));
    return bar ? [{ label, bar }] : [];
  });
}
