import { Box } from '@mantine/core';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPoints } from '../figures';
import { ChartLegend } from '../chart-legend';
import { AXIS_TICK, CHART_COLORS, CHART_HEIGHT } from '../chart-theme';
import { SprintDayTooltip } from './burndown-chart';
import { DASHES, DELIVERY_COLORS } from './delivery-colors';
import { ScopeChangeDot } from './scope-change-dot';
import { lastKnownDay, type SprintDayRow } from './sprint-chart-data';
import { sprintDayAxis } from './sprint-day-axis';
import { type SprintUnit, unitLabel } from './sprint-unit';

export interface BurnupChartProps {
  rows: SprintDayRow[];
  unit: SprintUnit;
  sprintName: string;
}

/** Work done so far climbing towards the scope line; triangles mark scope changes. */
export function BurnupChart({ rows, unit, sprintName }: BurnupChartProps) {
  const last = lastKnownDay(rows);
  return (
    <Box role="figure" aria-label={`Burnup of ${sprintName}`}>
      <LineChart
        responsive
        style={{ width: '100%', height: CHART_HEIGHT }}
        data={rows}
        margin={{ top: 16, right: 24, bottom: 4, left: 4 }}
        title={`Burnup of ${sprintName}`}
        desc={`${formatPoints(last?.doneSoFar ?? null)} of ${formatPoints(last?.scope ?? null)} ${unitLabel(unit)} done by the last day shown.`}
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
          type="stepAfter"
          dataKey="scope"
          name="Scope"
          stroke={DELIVERY_COLORS.scope}
          strokeDasharray={DASHES.scope}
          strokeWidth={2}
          isAnimationActive={false}
          dot={(props) => (
            <ScopeChangeDot
              key={props.index}
              cx={props.cx}
              cy={props.cy}
              changed={rows[props.index]?.scopeChanged === true}
              color={DELIVERY_COLORS.scope}
            />
          )}
        />
        <Line
          type="linear"
          dataKey="doneSoFar"
          name="Done so far"
          stroke={DELIVERY_COLORS.done}
          strokeWidth={2}
          dot={{ r: 2.5, fill: DELIVERY_COLORS.done }}
          isAnimationActive={false}
          activeDot={{ r: 5 }}
        />
      </LineChart>
      <ChartLegend
        items={[
          { label: 'Done so far', mark: { kind: 'line', color: DELIVERY_COLORS.done } },
          {
            label: 'Scope',
            mark: { kind: 'line', color: DELIVERY_COLORS.scope, dash: DASHES.scope },
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
