import { Box } from '@mantine/core';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  LabelList,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber, formatPercent } from '../../components/format';
import { ChartLegend } from '../chart-legend';
import { AXIS_TICK, CHART_COLORS, CHART_HEIGHT } from '../chart-theme';
import { ChartTooltipCard, hoveredRow, type HoverProps } from '../chart-tooltip';
import { DASHES, DELIVERY_COLORS } from './delivery-colors';
import { unitLabel } from './sprint-unit';
import type { VelocityChartData, VelocityRow } from './velocity-chart-data';

const COMMITTED_PATTERN = 'velocity-committed-hatch';

/**
 * Committed (hatched) and completed (solid) bars per sprint, the average completed as a line
 * and each sprint's say/do ratio written above its bars. One team only, by design.
 */
export function VelocityChart({ data }: { data: VelocityChartData }) {
  const label = unitLabel(data.unit);
  return (
    <Box role="figure" aria-label="Velocity of the team’s recent sprints">
      <ComposedChart
        responsive
        style={{ width: '100%', height: CHART_HEIGHT }}
        data={data.rows}
        margin={{ top: 24, right: 24, bottom: 4, left: 4 }}
        title="Velocity of the team’s recent sprints"
        desc={`${data.rows.length} sprints, average completed ${formatNumber(data.average)} ${label}.`}
      >
        <defs>
          <pattern
            id={COMMITTED_PATTERN}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="white" />
            <line x1="0" y1="0" x2="0" y2="6" stroke={DELIVERY_COLORS.ideal} strokeWidth="2" />
          </pattern>
        </defs>
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis dataKey="name" tick={AXIS_TICK} interval="preserveStartEnd" />
        <YAxis tick={AXIS_TICK} width={48} allowDecimals={false} />
        <Tooltip
          content={({ active, payload }) => (
            <VelocityTooltip active={active} payload={payload} unit={label} />
          )}
        />
        <Bar
          dataKey="committed"
          name="Committed"
          fill={`url(#${COMMITTED_PATTERN})`}
          stroke={DELIVERY_COLORS.ideal}
          isAnimationActive={false}
        />
        <Bar
          dataKey="completed"
          name="Completed"
          fill={DELIVERY_COLORS.completed}
          isAnimationActive={false}
        >
          <LabelList
            dataKey="sayDoRatio"
            position="top"
            fontSize={11}
            fill={CHART_COLORS.axis}
            formatter={(value: unknown) =>
              typeof value === 'number' ? `say/do ${formatPercent(value)}` : ''
            }
          />
        </Bar>
        {data.average !== null && (
          <ReferenceLine
            y={data.average}
            stroke={DELIVERY_COLORS.average}
            strokeDasharray={DASHES.average}
            strokeWidth={2}
            ifOverflow="extendDomain"
          />
        )}
      </ComposedChart>
      <ChartLegend
        items={[
          {
            label: 'Committed (hatched)',
            mark: { kind: 'shape', shape: 'ring', color: DELIVERY_COLORS.ideal },
          },
          {
            label: 'Completed (solid)',
            mark: { kind: 'shape', shape: 'square', color: DELIVERY_COLORS.completed },
          },
          {
            label: `Average completed ${formatNumber(data.average)}`,
            mark: { kind: 'line', color: DELIVERY_COLORS.average, dash: DASHES.average },
          },
        ]}
      />
    </Box>
  );
}

function VelocityTooltip({ active, payload, unit }: HoverProps & { unit: string }) {
  const row = hoveredRow<VelocityRow>(payload);
  if (!active || !row) return null;
  return (
    <ChartTooltipCard
      heading={row.name}
      lines={[
        `Committed ${formatNumber(row.committed)} ${unit}`,
        `Completed ${formatNumber(row.completed)} ${unit}`,
        `Say/do ${formatPercent(row.sayDoRatio)}`,
      ]}
    />
  );
}
