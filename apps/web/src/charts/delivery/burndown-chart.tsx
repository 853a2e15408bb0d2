import { Box } from '@mantine/core';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDay } from '../../components/format';
import { formatPoints } from '../figures';
import { ChartLegend } from '../chart-legend';
import { AXIS_TICK, CHART_COLORS, CHART_HEIGHT } from '../chart-theme';
import { ChartTooltipCard, hoveredRow, type HoverProps } from '../chart-tooltip';
import { DASHES, DELIVERY_COLORS } from './delivery-colors';
import { ScopeChangeDot } from './scope-change-dot';
import { lastKnownDay, type SprintDayRow } from './sprint-chart-data';
import { sprintDayAxis } from './sprint-day-axis';
import { scopeChangeLines, type SprintUnit, unitLabel } from './sprint-unit';

export interface BurndownChartProps {
  rows: SprintDayRow[];
  unit: SprintUnit;
  sprintName: string;
}

/** Remaining work per sprint day against the guideline; triangles mark scope changes. */
export function BurndownChart({ rows, unit, sprintName }: BurndownChartProps) {
  const changes = rows.filter((row) => row.scopeChanged).length;
  return (
    <Box role="figure" aria-label={`Burndown of ${sprintName}`}>
      <LineChart
        responsive
        style={{ width: '100%', height: CHART_HEIGHT }}
        data={rows}
        margin={{ top: 16, right: 24, bottom: 4, left: 4 }}
        title={`Burndown of ${sprintName}`}
        desc={`${rows.length} days; ${formatPoints(lastKnownDay(rows)?.remaining ?? null)} ${unitLabel(unit)} remaining on the last day shown; scope changed on ${changes} days.`}
      >
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis {...sprintDayAxis(rows)} tick={AXIS_TICK} />
        <YAxis tick={AXIS_TICK} width={48} allowDecimals={false} />
        <Tooltip
          content={({ active, payload }) => (
            <SprintDayTooltip active={active} payload={payload} unit={unit} />
          )}
        />
        <Line
          type="linear"
          dataKey="ideal"
          name="Guideline"
          stroke={DELIVERY_COLORS.ideal}
          strokeDasharray={DASHES.ideal}
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="remaining"
          name="Remaining"
          stroke={DELIVERY_COLORS.remaining}
          strokeWidth={2}
          isAnimationActive={false}
          dot={(props) => (
            <ScopeChangeDot
              key={props.index}
              cx={props.cx}
              cy={props.cy}
              changed={rows[props.index]?.scopeChanged === true}
              color={DELIVERY_COLORS.remaining}
            />
          )}
          activeDot={{ r: 5 }}
        />
      </LineChart>
      <ChartLegend
        items={[
          { label: 'Remaining', mark: { kind: 'line', color: DELIVERY_COLORS.remaining } },
          {
            label: 'Guideline',
            mark: { kind: 'line', color: DELIVERY_COLORS.ideal, dash: DASHES.ideal },
          },
          {
            label: 'Scope added or removed',
            mark: { kind: 'shape', shape: 'triangle', color: DELIVERY_COLORS.scope },
          },
        ]}
      />
    </Box>
  );
}

/** The hovered day of a burndown or burnup: every figure of the day. */
export function SprintDayTooltip({ active, payload, unit }: HoverProps & { unit: SprintUnit }) {
  const row = hoveredRow<SprintDayRow>(payload);
  if (!active || !row) return null;
  const label = unitLabel(unit);
  return (
    <ChartTooltipCard
      heading={formatDay(row.day)}
      lines={[
        `Remaining ${formatPoints(row.remaining)} ${label} (guideline ${formatPoints(row.ideal)})`,
        `Done so far ${formatPoints(row.doneSoFar)} of ${formatPoints(row.scope)} in scope`,
        ...scopeChangeLines(row, label),
      ]}
    />
  );
}
