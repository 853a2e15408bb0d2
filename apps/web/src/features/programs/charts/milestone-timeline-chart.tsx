import { Box } from '@mantine/core';
import {
  CartesianGrid,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { AXIS_TICK, CHART_COLORS } from '../../../charts/chart-theme';
import { ChartTooltipCard, hoveredRow } from '../../../charts/chart-tooltip';
import { formatDay, formatShortDay, todayUtc } from '../../../components/format';
import { describeSlip } from '../slip';
import {
  type MilestoneTimelineRow,
  type TimelinePoint,
  timelinePoints,
} from './milestone-timeline-data';

/** Colours of the marks; each also has its own shape, named in the legend. */
export const TIMELINE_MARKS = {
  baseline: { color: CHART_COLORS.baseline, symbol: 'diamond', label: 'Baseline (original plan)' },
  moved: { color: CHART_COLORS.signal, symbol: 'triangle', label: 'Earlier move' },
  late: { color: CHART_COLORS.limit, symbol: 'circle', label: 'Current date, late' },
  onPlan: { color: CHART_COLORS.target, symbol: 'circle', label: 'Current date, on plan or early' },
  completed: { color: CHART_COLORS.series, symbol: 'square', label: 'Completed' },
} as const;

const ROW_HEIGHT = 44;
const DAY_MS = 86_400_000;

const KIND_LABELS: Record<TimelinePoint['kind'], string> = {
  baseline: 'Baseline',
  moved: 'Moved to',
  current: 'Current date',
  completed: 'Completed',
};

/** Milestones as rows: a diamond at the baseline, a line to where each stands now, each move marked. Pure. */
export function MilestoneTimelineChart({ rows }: { rows: readonly MilestoneTimelineRow[] }) {
  const points = timelinePoints(rows);
  const times = rows.flatMap((row) => [row.baseline, row.current, ...row.moves]);
  // A week of margin either side so the end marks are not cut in half.
  const domain: [number, number] = [
    Math.min(...times) - 7 * DAY_MS,
    Math.max(...times) + 7 * DAY_MS,
  ];
  const today = Date.parse(todayUtc());
  const late = points.current.filter((point) => point.slipDays > 0 && point.kind === 'current');
  const onPlan = points.current.filter((point) => point.slipDays <= 0 && point.kind === 'current');
  const completed = points.current.filter((point) => point.kind === 'completed');
  return (
    <Box role="figure" aria-label="Milestones: baseline against current date">
      <ScatterChart
        responsive
        style={{ width: '100%', height: Math.max(160, rows.length * ROW_HEIGHT + 60) }}
        margin={{ top: 12, right: 24, bottom: 4, left: 8 }}
      >
        <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
        <XAxis
          dataKey="x"
          type="number"
          scale="time"
          domain={domain}
          tickFormatter={formatShortDay}
          tick={AXIS_TICK}
          minTickGap={24}
        />
        <YAxis
          dataKey="y"
          type="number"
          reversed
          domain={[-0.5, rows.length - 0.5]}
          ticks={rows.map((row) => row.row)}
          tickFormatter={(value: number) => truncate(rows[value]?.name ?? '')}
          tick={AXIS_TICK}
          width={220}
          interval={0}
        />
        {rows.map((row) => (
          <ReferenceLine
            key={row.id}
            segment={[
              { x: row.baseline, y: row.row },
              { x: row.current, y: row.row },
            ]}
            stroke={row.slipDays > 0 ? CHART_COLORS.limit : CHART_COLORS.target}
            strokeWidth={3}
            strokeOpacity={0.45}
          />
        ))}
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
        <Tooltip
          cursor={false}
          content={({ active, payload }) => {
            const point = active ? hoveredRow<TimelinePoint>(payload) : null;
            if (!point) return null;
            return (
              <ChartTooltipCard
                heading={point.name}
                lines={[
                  `${KIND_LABELS[point.kind]}: ${formatDay(point.x)}`,
                  describeSlip(point.slipDays),
                ]}
              />
            );
          }}
        />
        <Scatter
          name={TIMELINE_MARKS.baseline.label}
          data={points.baselines}
          fill={TIMELINE_MARKS.baseline.color}
          shape={TIMELINE_MARKS.baseline.symbol}
          isAnimationActive={false}
        />
        <Scatter
          name={TIMELINE_MARKS.moved.label}
          data={points.moves}
          fill={TIMELINE_MARKS.moved.color}
          shape={TIMELINE_MARKS.moved.symbol}
          isAnimationActive={false}
        />
        <Scatter
          name={TIMELINE_MARKS.late.label}
          data={late}
          fill={TIMELINE_MARKS.late.color}
          shape={TIMELINE_MARKS.late.symbol}
          isAnimationActive={false}
        />
        <Scatter
          name={TIMELINE_MARKS.onPlan.label}
          data={onPlan}
          fill={TIMELINE_MARKS.onPlan.color}
          shape={TIMELINE_MARKS.onPlan.symbol}
          isAnimationActive={false}
        />
        <Scatter
          name={TIMELINE_MARKS.completed.label}
          data={completed}
          fill={TIMELINE_MARKS.completed.color}
          shape={TIMELINE_MARKS.completed.symbol}
          isAnimationActive={false}
        />
      </ScatterChart>
    </Box>
  );
}

/** Names fit on one line of the axis (about 32 characters at the tick size); hover shows all. */
function truncate(text: string): string {
  return text.length > 32 ? `${text.slice(0, 31)}…` : text;
}
