import type { Day } from '../days/index.js';
import type { SprintBurndownDay } from './sprint-burndown.js';

export type SprintBurnupDay = {
  day: Day;
  /** Net scope completed from the start to the end of this day: Σ `completed` so far. */
  done: number;
  /** Scope at the end of this day: `done + remaining`. */
  scope: number;
};

/**
 * A sprint burnup: the same replay as `sprintBurndown`, seen from the other side — work done so
 * far rising towards the scope line, so scope added mid-sprint shows as the scope line moving
 * up rather than as a burndown that refuses to fall.
 *
 * - `done` = the running total of the burndown's net `completed` (reopenings subtract).
 * - `scope` = `done + remaining`: everything in scope at the end of the day at its latest
 *   estimate, done or not.
 * - Days in the burndown's order; only days listed are taken (pass only days that have
 *   happened to leave the future blank).
 *
 * Source: Atlassian, "Burnup chart" (Jira Software documentation: "work completed" against
 * "total scope").
 *
 * @example
 * sprintBurnup([
 *   { day: '2024-03-04', remaining: 5, ideal: 4, added: 0, removed: 0, completed: 0 },
 *   { day: '2024-03-05', remaining: 3, ideal: 3, added: 1, removed: 0, completed: 3 },
 * ]);
 * // → [{ day: '2024-03-04', done: 0, scope: 5 }, { day: '2024-03-05', done: 3, scope: 6 }]
 */
export function sprintBurnup(
  days: readonly Pick<SprintBurndownDay, 'day' | 'remaining' | 'completed'>[],
): SprintBurnupDay[] {
  let done = 0;
  return days.map(({ day, remaining, completed }) => {
    done += completed;
    return { day, done, scope: done + remaining };
  });
}
