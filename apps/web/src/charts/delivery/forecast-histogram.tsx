import { Box } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDay, formatPercent, formatShortDay } from '../../components/format';
import { ChartLegend } from '../chart-legend';
import { AXIS_TICK, CHART_COLORS, CHART_HEIGHT } from '../chart-theme';
import { ChartTooltipCard, hoveredRow, type HoverProps } from '../chart-tooltip';
import { DELIVERY_COLORS } from './delivery-colors';
import type { ForecastBar } from './forecast-chart-data';

/**
 * How often each finish day came up in the simulation; the bars where p50, p85 and p95 fall
 * are darker and labelled with their names.
 */
export function ForecastHistogram({ bars, remaining }: { bars: ForecastBar[]; remaining: number }) {
  return (
    <Box role="figure" aria-label={`When ${remaining} items could be done`}>
      <BarChart
        responsive
        style={{ width: '100%', height: CHART_HEIGHT }}
        data={bars}
        margin={{ top: 24, right: 24, bottom: 4, left: 4 }}
        title={`When ${remaining} items could be done`}
        desc={`${bars.length} possible finish days.`}
      >
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis dataKey="day" tick={AXIS_TICK} tickFormatter={formatShortDay} minTickGap={16} />
        <YAxis
          tick={AXIS_TICK}
          width={48}
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
          <LabelList
            dataKey={(bar: ForecastBar) => bar.marks.join(' ')}
            position="top"
            fontSize={11}
            fill={DELIVERY_COLORS.forecastMark}
          />
        </Bar>
      </BarChart>
      <ChartLegend
        items={[
          {
            label: 'Share of trials finishing that day',
            mark: { kind: 'shape', shape: 'square', color: DELIVERY_COLORS.forecast },
          },
          {
            label: 'Day of p50 / p85 / p95 (labelled)',
            mark: { kind: 'shape', shape: 'square', color: DELIVERY_COLORS.forecastMark },
          },
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
        `${formatPercent(bar.probability)} of trials finished after ${bar.days} days`,
        ...bar.marks.map((mark) => `◆ ${mark}`),
      ]}
    />
  );
}
