import { Box } from '@mantine/core';
import { Bar, CartesianGrid, ComposedChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartLegend } from '../chart-legend';
import { AXIS_TICK, CHART_COLORS, CHART_HEIGHT } from '../chart-theme';
import { formatPercent, formatPoints, integerTicks } from '../figures';
import { ChartTooltipCard, hoveredRow, type HoverProps } from '../chart-tooltip';
import { DASHES, DELIVERY_COLORS } from './delivery-colors';
import { unitLabel } from './sprint-unit';
import type { VelocityChartData, VelocityRow } from './velocity-chart-data';

const COMMITTED_PATTERN = 'velocity-committed-hatch';

/** Up to this many sprints every one is named on the axis; beyond, Recharts thins them. */
const EVERY_TICK_UP_TO = 12;

/**
 * Committed (hatched) and completed (solid) bars per sprint, the average completed as a line
 * and each sprint's say/do ratio written under its name on the axis — below the plot, where
 * neither the bars nor the average line can run through it. One team only, by design.
 */
export function VelocityChart({ data }: { data: VelocityChartData }) {
  const label = unitLabel(data.unit);
  const yTicks = integerTicks(
    Math.max(data.average ?? 0, ...data.rows.map((row) => Math.max(row.committed, row.completed))),
  );
  return (
    <Box role="figure" aria-label="Velocity of the team’s recent sprints">
      <ComposedChart
        responsive
        style={{ width: '100%', height: CHART_HEIGHT }}
        data={data.rows}
        margin={{ top: 16, right: 24, bottom: 4, left: 4 }}
        title="Velocity of the team’s recent sprints"
        desc={`${data.rows.length} sprints, average completed ${formatPoints(data.average)} ${label}.`}
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
        <XAxis
          dataKey="name"
          height={40}
          tick={(props: SprintTickProps) => <SprintTick {...props} rows={data.rows} />}
          interval={data.rows.length <= EVERY_TICK_UP_TO ? 0 : 'preserveStartEnd'}
        />
        <YAxis
          tick={AXIS_TICK}
          width={48}
          allowDecimals={false}
          domain={[0, yTicks[yTicks.length - 1] ?? 1]}
          ticks={yTicks}
          interval={0}
        />
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
        />
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
            label: `Average completed ${formatPoints(data.average)}`,
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
        `Committed ${formatPoints(row.committed)} ${unit}`,
        `Completed ${formatPoints(row.completed)} ${unit}`,
        `Say/do ${formatPercent(row.sayDoRatio)}`,
      ]}
    />
  );
}

interface SprintTickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown; index?: number };
}

/** A sprint's name on the axis, and its say/do ratio on a second line under it. */
function SprintTick({ x, y, payload, rows }: SprintTickProps & { rows: VelocityRow[] }) {
  const row = payload?.index === undefined ? undefined : rows[payload.index];
  return (
    <text x={Number(x)} y={Number(y)} textAnchor="middle" fontSize={AXIS_TICK.fontSize}>
      <tspan x={Number(x)} dy="0.71em" fill={AXIS_TICK.fill}>
        {typeof payload?.value === 'string' ? payload.value : ''}
      </tspan>
      {row && row.sayDoRatio !== null && (
        <tspan x={Number(x)} dy="1.3em" fill={CHART_COLORS.axis} fontSize={11}>
          say/do {formatPercent(row.sayDoRatio)}
        </tspan>
      )}
    </text>
  );
}
