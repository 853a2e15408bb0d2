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

export interface TimelineAxis {
  /** Epoch ms: the first day of the first month shown to the first day after the last. */
  domain: [number, number];
  /** First days of months, every `step` months, so at most about twelve are labelled. */
  ticks: number[];
  today: number;
  /** The program's end, `null` when it has none. */
  programEnd: number | null;
}

const MAX_MONTH_TICKS = 12;

function monthStart(epochMs: number, monthsLater = 0): number {
  const date = new Date(epochMs);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + monthsLater, 1);
}

/**
 * A continuous time axis in whole months that holds every milestone date, today and the
 * program's end: ticks on the first of each month (every second or third month over long
 * spans), whatever the milestones' own dates are.
 */
export function timelineAxis(
  rows: readonly MilestoneTimelineRow[],
  today: string,
  programEnd: string | null,
): TimelineAxis {
  const todayTime = time(today);
  const endTime = programEnd === null ? null : time(programEnd);
  const times = [
    todayTime,
    ...(endTime === null ? [] : [endTime]),
    ...rows.flatMap((row) => [row.baseline, row.current, ...row.moves]),
  ];
  const first = monthStart(Math.min(...times));
  const last = monthStart(Math.max(...times), 1);
  const months = Math.round((last - first) / (30.44 * 86_400_000));
  const step = Math.max(1, Math.ceil(months / MAX_MONTH_TICKS));
  const ticks: number[] = [];
  for (let month = 0; monthStart(first, month) <= last; month += step) {
    ticks.push(monthStart(first, month));
  }
  return { domain: [first, last], ticks, today: todayTime, programEnd: endTime };
}

const monthName = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });
const monthAndYear = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Jan 2027" on the first tick and on every January, "Feb" elsewhere. */
export function monthTickLabel(tick: number, index: number): string {
  const january = new Date(tick).getUTCMonth() === 0;
  return index === 0 || january ? monthAndYear.format(tick) : monthName.format(tick);
}

/**
 * A milestone's name in at most `maxLines` lines of about `maxChars` characters, broken
 * between words; what does not fit ends in "…" after a whole word (the full name is in the
 * label's tooltip). Only a single word longer than a line is cut inside it.
 */
export function wrapLabel(text: string, maxChars = 28, maxLines = 2): string[] {
  const words = text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (word.length > maxChars ? `${word.slice(0, maxChars - 1)}…` : word));
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length <= maxChars) {
      current = candidate;
      continue;
    }
    lines.push(current);
    current = word;
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  // The cut is marked after a whole word, the line staying within its width.
  let last = kept[maxLines - 1] ?? '';
  while (last.length + 2 > maxChars && last.includes(' '))
    last = last.slice(0, last.lastIndexOf(' '));
  kept[maxLines - 1] = `${last} …`;
  return kept;
}
