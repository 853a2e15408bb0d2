import { type Day, dayToEpochDay } from '../days/day.js';

/**
 * Days a milestone is late against its baseline (negative: early). Once completed, the slip is
 * fixed by the day it was completed — where its current date was left no longer matters;
 * while open, it is measured to the current date.
 *
 * Source: schedule variance against the performance baseline (PMI PMBOK® Guide), counted in
 * calendar days as program milestone reports do ("3 weeks late against the original plan").
 *
 * @example
 * milestoneSlipDays({ baselineDate: '2026-08-08', currentDate: '2026-08-08', completedAt: '2026-08-10' }); // 2
 * milestoneSlipDays({ baselineDate: '2026-03-02', currentDate: '2026-03-30', completedAt: null }); // 28
 */
export function milestoneSlipDays({
  baselineDate,
  currentDate,
  completedAt,
}: {
  baselineDate: Day;
  currentDate: Day;
  completedAt: Day | null;
}): number {
  const baseline = dayToEpochDay(baselineDate, 'baselineDate');
  const current = dayToEpochDay(currentDate, 'currentDate');
  if (completedAt === null) return current - baseline;
  return dayToEpochDay(completedAt, 'completedAt') - baseline;
}

/**
 * How many days a set of moves of a milestone's date moved it, later positive: the sum of each
 * move's `toDate − fromDate` (for the moves of one week, oldest first, the net move of that
 * week); 0 without moves. Moves that cancel out (a week later, then back) sum to 0.
 *
 * @example
 * milestoneMovedDays([{ fromDate: '2026-02-09', toDate: '2026-02-16' }, { fromDate: '2026-02-16', toDate: '2026-02-23' }]); // 14
 */
export function milestoneMovedDays(moves: readonly { fromDate: Day; toDate: Day }[]): number {
  let days = 0;
  moves.forEach(({ fromDate, toDate }, index) => {
    days +=
      dayToEpochDay(toDate, `moves[${index}].toDate`) -
      dayToEpochDay(fromDate, `moves[${index}].fromDate`);
  });
  return days;
}
