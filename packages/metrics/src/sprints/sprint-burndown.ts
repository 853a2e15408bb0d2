import {
  assertTimeZone,
  type Calendar,
  DEFAULT_CALENDAR,
  type Day,
  dayToEpochDay,
  eachDay,
  epochMsToDay,
  indexCalendar,
} from '../days/index.js';
import { applyEvent, assertUnit, type ItemState, prepareSprint, totalOf } from './sprint-replay.js';
import type { SprintEvent, SprintUnit, SprintWindow } from './sprint-types.js';

export type SprintBurndownOptions = {
  /** Working days for the guideline; default Saturday and Sunday off, no holidays. */
  calendar?: Calendar;
  /** IANA zone in which instants become days; default `UTC`. */
  timeZone?: string;
  /** `points` (default) sums latest estimates; `count` counts items. */
  unit?: SprintUnit;
};

export type SprintBurndownDay = {
  day: Day;
  /** Scope not yet completed at the end of the day, at the latest estimates. */
  remaining: number;
  /** The guideline: `committed × (1 − w/W)`. */
  ideal: number;
  /** Scope added during the day (after the sprint started), at the moment it was added. */
  added: number;
  /** Scope removed during the day, at its estimate when removed. */
  removed: number;
  /** Net scope completed during the day: completions minus reopenings of completed items. */
  completed: number;
};

export type SprintBurndown = { committed: number; days: SprintBurndownDay[] };

/**
 * A sprint burndown: what is left to do at the end of each day, against a straight guideline.
 *
 * - `committed` = the scope at `start`: every item added at or before `start`, at its estimate
 *   then. Events at or before `start` only build this starting state.
 * - `days` covers every calendar day from the day of `start` to the day of `end`, or to the day
 *   of `completedAt` if that is later. Days are taken in `timeZone`.
 * - `remaining` = points (latest estimate) of the items in scope at the end of the day that are
 *   not completed. Re-estimates change `remaining` without appearing in `added`/`removed`.
 * - `added` / `removed` = points at the moment the item entered or left scope; `completed` =
 *   points completed that day minus points of completed items reopened that day (so it can be
 *   negative on a day that only reopens work).
 * - Guideline (Jira's and OpenProject's burndown "guideline"/"ideal line"):
 *   `ideal = committed × (1 − w/W)`, `w` = working days from the start day to this day
 *   inclusive, `W` = working days from the start day to the end day. It falls on working days,
 *   stays flat on non-working days and is 0 from the last working day on. With no working day
 *   in the sprint (`W = 0`) it stays at `committed`.
 * - Events after the sprint closed (`completedAt`, else `end`) are ignored; event rules for
 *   items not in scope, re-adds and reopenings are those of the README's "Sprint metrics".
 *
 * Sources: Atlassian, "Burndown chart" (Jira Software documentation); OpenProject, "Burndown
 * charts" (backlogs module documentation).
 *
 * @example
 * // Mon 2024-03-04 .. Fri 2024-03-08, one 5-point item completed on Wednesday:
 * sprintBurndown(
 *   { start: '2024-03-04T09:00:00Z', end: '2024-03-08T17:00:00Z' },
 *   [
 *     { at: '2024-03-01T10:00:00Z', itemId: 'A', type: 'added', points: 5 },
 *     { at: '2024-03-06T15:00:00Z', itemId: 'A', type: 'completed' },
 *   ],
 * ).days.map((d) => [d.remaining, d.ideal]);
 * // → [[5, 4], [5, 3], [0, 2], [0, 1], [0, 0]]
 */
export function sprintBurndown(
  sprint: SprintWindow,
  events: readonly SprintEvent[],
  options: SprintBurndownOptions = {},
): SprintBurndown {
  const { calendar = DEFAULT_CALENDAR, timeZone = 'UTC', unit = 'points' } = options;
  assertUnit(unit);
  assertTimeZone(timeZone);
  const working = indexCalendar(calendar);
  const prepared = prepareSprint(sprint, events);

  const startDay = epochMsToDay(prepared.startMs, timeZone);
  const endDay = epochMsToDay(prepared.endMs, timeZone);
  const closeDay = epochMsToDay(prepared.closeMs, timeZone);
  const lastDay = closeDay > endDay ? closeDay : endDay;
  const endEpochDay = dayToEpochDay(endDay);
  const isWorking = (day: Day): boolean => working.isWorkingEpochDay(dayToEpochDay(day));
  const sprintWorkingDays = eachDay(startDay, endDay).filter(isWorking).length;

  const items = new Map<string, ItemState>();
  let next = 0;
  while (next < prepared.events.length && prepared.events[next]!.epochMs <= prepared.startMs) {
    applyEvent(items, prepared.events[next]!.event, unit);
    next++;
  }
  const committed = totalOf(items, unit, (item) => item.inScope);

  let workingDaysSoFar = 0;
  const days = eachDay(startDay, lastDay).map((day): SprintBurndownDay => {
    const totals = { added: 0, removed: 0, completed: 0 };
    for (; next < prepared.events.length; next++) {
      const timed = prepared.events[next]!;
      if (timed.epochMs > prepared.closeMs || epochMsToDay(timed.epochMs, timeZone) > day) break;
      const effect = applyEvent(items, timed.event, unit);
      totals.added += effect.added;
      totals.removed += effect.removed;
      totals.completed += effect.completed;
    }
    if (isWorking(day) && dayToEpochDay(day) <= endEpochDay) workingDaysSoFar++;
    // committed × (1 − w/W), written as committed × (W − w) / W so whole numbers stay whole.
    const ideal =
      sprintWorkingDays === 0
        ? committed
        : (committed * (sprintWorkingDays - workingDaysSoFar)) / sprintWorkingDays;
    const remaining = totalOf(items, unit, (item) => item.inScope && !item.completed);
    return { day, remaining, ideal, ...totals };
  });
  return { committed, days };
}
