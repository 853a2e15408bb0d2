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
import { formatDay } from '../../../components/format';
import { describeSlip } from '../slip';
import { TIMELINE_LINES, TIMELINE_MARKS, timelineHeight } from './milestone-timeline-legend';
import {
  type MilestoneTimelineRow,
  monthTickLabel,
  type TimelinePoint,
  timelineAxis,
  timelinePoints,
  wrapLabel,
} from './milestone-timeline-data';

const NAME_WIDTH = 220;
const TOP_MARGIN = 28;

const KIND_LABELS: Record<TimelinePoint['kind'], string> = {
  baseline: 'Baseline',
  moved: 'Moved to',
  current: 'Current date',
  completed: 'Completed',
};

export interface MilestoneTimelineChartProps {
  rows: readonly MilestoneTimelineRow[];
  /** Today, `YYYY-MM-DD` (UTC, the calendar milestones are dated in). */
  today: string;
  /** The program's last day, `null` when it has none. */
  programEnd: string | null;
}

/**
 * Milestones as rows on a time axis in months: a diamond at the baseline, a line to where each
 * stands now, each move marked, with today and the program's end as vertical lines. Pure.
 */
export function MilestoneTimelineChart({ rows, today, programEnd }: MilestoneTimelineChartProps) {
  const points = timelinePoints(rows);
  const axis = timelineAxis(rows, today, programEnd);
  // Each line's name points away from the other's, so the two never overlap.
  const endAfterToday = axis.programEnd === null || axis.programEnd >= axis.today;
  const late = points.current.filter((point) => point.slipDays > 0 && point.kind === 'current');
  const onPlan = points.current.filter((point) => point.slipDays <= 0 && point.kind === 'current');
  const completed = points.current.filter((point) => point.kind === 'completed');
  return (
    <Box role="figure" aria-label="Milestones: baseline against current date">
      <ScatterChart
        responsive
        style={{ width: '100%', height: timelineHeight(rows.length) }}
        margin={{ top: TOP_MARGIN, right: 24, bottom: 4, left: 8 }}
      >
        <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
        <XAxis
          dataKey="x"
          type="number"
          scale="time"
          domain={axis.domain}
          ticks={axis.ticks}
          interval={0}
          tickFormatter={(tick: number, index: number) => monthTickLabel(tick, index)}
          tick={AXIS_TICK}
        />
        <YAxis
          dataKey="y"
          type="number"
          reversed
          domain={[-0.5, rows.length - 0.5]}
          ticks={rows.map((row) => row.row)}
          tick={(props: NameTickProps) => <MilestoneNameTick {...props} rows={rows} />}
          width={NAME_WIDTH}
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
        <ReferenceLine
          x={axis.today}
          stroke={TIMELINE_LINES.today.color}
          strokeDasharray={TIMELINE_LINES.today.dash}
          label={(props: LineLabelProps) => (
            <LineLabel
              {...props}
              text={TIMELINE_LINES.today.label}
              color={TIMELINE_LINES.today.color}
              side={endAfterToday ? 'left' : 'right'}
            />
          )}
        />
        {axis.programEnd !== null && (
          <ReferenceLine
            x={axis.programEnd}
            stroke={TIMELINE_LINES.programEnd.color}
            strokeDasharray={TIMELINE_LINES.programEnd.dash}
            label={(props: LineLabelProps) => (
              <LineLabel
                {...props}
                text={TIMELINE_LINES.programEnd.label}
                color={TIMELINE_LINES.programEnd.color}
                side={endAfterToday ? 'right' : 'left'}
              />
            )}
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

interface NameTickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}

/**
 * A milestone's name at its row, wrapped between words on up to two lines; a name longer than
 * that ends in "…" and is read whole in the tooltip (`<title>`) and in the table.
 */
function MilestoneNameTick({
  x,
  y,
  payload,
  rows,
}: NameTickProps & { rows: readonly MilestoneTimelineRow[] }) {
  const row = typeof payload?.value === 'number' ? rows[payload.value] : undefined;
  if (!row) return null;
  const lines = wrapLabel(row.name);
  const lineHeight = AXIS_TICK.fontSize + 2;
  // Centred on the row: the first line starts half the block above it.
  const firstDy = -((lines.length - 1) * lineHeight) / 2;
  return (
    <text
      x={Number(x)}
      y={Number(y)}
      textAnchor="end"
      dominantBaseline="middle"
      fontSize={AXIS_TICK.fontSize}
      fill={AXIS_TICK.fill}
      data-milestone={row.name}
    >
      <title>{row.name}</title>
      {lines.map((line, index) => (
        <tspan key={index} x={Number(x)} dy={index === 0 ? firstDy : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

interface LineLabelProps {
  viewBox?: unknown;
}

/** A vertical line's name in the chart's top margin, on one side of the line. */
function LineLabel({
  viewBox,
  text,
  color,
  side,
}: LineLabelProps & { text: string; color: string; side: 'left' | 'right' }) {
  const box = (viewBox ?? {}) as { x?: number; y?: number };
  const x = (box.x ?? 0) + (side === 'left' ? -4 : 4);
  return (
    <text
      x={x}
      y={(box.y ?? TOP_MARGIN) - 8}
      textAnchor={side === 'left' ? 'end' : 'start'}
      fontSize={11}
      fill={color}
      data-line={text}
    >
      {text}
    </text>
  );
}
