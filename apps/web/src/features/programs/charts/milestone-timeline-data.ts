import type { Milestone } from '@bearing/contracts';

export interface MilestoneTimelineRow {
  /** The milestone's row on the chart, 0 at the top. */
  row: number;
  id: string;
  name: string;
  baseline: number;
  /** The current date, or the completion day once completed. */
  current: number;
  completed: boolean;
  slipDays: number;
  /** Where each move of the current date landed, oldest first. */
  moves: number[];
}

export interface TimelinePoint {
  x: number;
  y: number;
  name: string;
  kind: 'baseline' | 'moved' | 'current' | 'completed';
  slipDays: number;
}

function time(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

/** Milestones in the API's order (by baseline date) as chart rows, epoch milliseconds. */
export function milestoneTimelineRows(milestones: readonly Milestone[]): MilestoneTimelineRow[] {
  return milestones.map((milestone, row) => ({
    row,
    id: milestone.id,
    name: milestone.name,
    baseline: time(milestone.baselineDate),
    current: time(milestone.completedAt ?? milestone.currentDate),
    completed: milestone.completedAt !== null,
    slipDays: milestone.slipDays,
    // The last move is the current date itself; the earlier ones are the intermediate slips.
    moves: milestone.history.slice(0, -1).map((change) => time(change.toDate)),
  }));
}

/** The scatter points of each kind: baselines, intermediate moves and where each stands now. */
export function timelinePoints(rows: readonly MilestoneTimelineRow[]) {
  const point = (row: MilestoneTimelineRow, x: number, kind: TimelinePoint['kind']) => ({
    x,
    y: row.row,
    name: row.name,
    kind,
    slipDays: row.slipDays,
  });
  return {
    baselines: rows.map((row) => point(row, row.baseline, 'baseline')),
    moves: rows.flatMap((row) => row.moves.map((x) => point(row, x, 'moved'))),
    current: rows.map((row) => point(row, row.current, row.completed ? 'completed' : 'current')),
  };
}
