import type { SprintBurndownResponse } from '@bearing/contracts';
import { dayTime } from './day-time';
import { sprintBurnup } from '@bearing/metrics';

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
 * Lines the API's burndown up for the burndown and burnup charts. The burnup (done so far and
 * scope) is `sprintBurnup` of `@bearing/metrics` over the days that have happened.
 *
 * The API lists every day to the planned end; days after `today` (the team's today) have not
 * happened yet, so of them only the guideline is drawn.
 */
export function sprintDayRows(burndown: SprintBurndownResponse, today: string): SprintDayRow[] {
  const burnup = sprintBurnup(burndown.days);
  return burndown.days.map((day, index) => {
    const happened = day.day <= today;
    const { done, scope } = burnup[index] ?? { done: 0, scope: 0 };
    return {
      day: day.day,
      time: dayTime(day.day),
      remaining: happened ? day.remaining : null,
      ideal: day.ideal,
      added: day.added,
      removed: day.removed,
      completed: day.completed,
      doneSoFar: happened ? done : null,
      scope: happened ? scope : null,
      scopeChanged: day.added !== 0 || day.removed !== 0,
    };
  });
}

/** The last day that has happened, for summaries of a sprint still running. */
export function lastKnownDay(rows: readonly SprintDayRow[]): SprintDayRow | undefined {
  return rows.findLast((row) => row.remaining !== null);
}
