import type { SprintBurndownResponse } from '@bearing/contracts';
import { dayTime } from './day-time';

export interface SprintDayRow {
  day: string;
  /** Epoch milliseconds of the day, for a time axis. */
  time: number;
  /** `null` on days still to come: only the guideline is known for them. */
  remaining: number | null;
  ideal: number;
  added: number;
  removed: number;
  /** Completed that day, net of reopened work (can be negative). */
  completed: number;
  /** Completed from the start of the sprint to the end of this day; `null` on days to come. */
  doneSoFar: number | null;
  /** Everything in scope at the end of the day: done so far plus what remains. */
  scope: number | null;
  /** Whether scope was added or removed that day — marked on both charts. */
  scopeChanged: boolean;
}

/**
 * Lines the API's burndown up for the burndown and burnup charts. The burnup is the same
 * replay seen from the other side: what is done so far is the running total of each day's
 * net completed, and the scope is that plus what remains (the README's `sprintBurndown`).
 *
 * The API lists every day to the planned end; days after `today` (the team's today) have not
 * happened yet, so of them only the guideline is drawn.
 */
export function sprintDayRows(burndown: SprintBurndownResponse, today: string): SprintDayRow[] {
  let doneSoFar = 0;
  return burndown.days.map((day) => {
    doneSoFar += day.completed;
    const happened = day.day <= today;
    return {
      day: day.day,
      time: dayTime(day.day),
      remaining: happened ? day.remaining : null,
      ideal: day.ideal,
      added: day.added,
      removed: day.removed,
      completed: day.completed,
      doneSoFar: happened ? doneSoFar : null,
      scope: happened ? doneSoFar + day.remaining : null,
      scopeChanged: day.added !== 0 || day.removed !== 0,
    };
  });
}

/** The last day that has happened, for summaries of a sprint still running. */
export function lastKnownDay(rows: readonly SprintDayRow[]): SprintDayRow | undefined {
  return rows.findLast((row) => row.remaining !== null);
}
