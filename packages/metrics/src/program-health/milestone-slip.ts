import { type Day, dayToEpochDay } from '../days/day.js';

/**
 * Days a milestone is late against its baseline (negative: early), as of the day `asOf` (today,
 * or the day a report's numbers are taken). Once completed, the slip is fixed by the day it was
 * completed — where its current date was left no longer matters. While open, it is measured to
 * the later of its current date and `asOf`: not finished on `asOf`, as far as is known that day,
 * it finishes on `asOf` at the earliest, so one whose current date has passed is late by at least
 * the days since its baseline, moved or not (due Sep 1, still open on Oct 15: 44 days late, not
 * on time). A completion recorded later with an earlier day corrects that: its day counts.
 *
 * Source: schedule variance against the performance baseline (PMI PMBOK® Guide), counted in
 * calendar days as program milestone reports do ("3 weeks late against the original plan");
 * and schedule status updating, where work not finished by the data date (the day the status
 * is recorded — here `asOf`) is forecast to finish no earlier than that day.
 *
 * @example
 * milestoneSlipDays({ baselineDate: '2026-08-08', currentDate: '2026-08-08', completedAt: '2026-08-10', asOf: '2026-08-20' }); // 2
 * milestoneSlipDays({ baselineDate: '2026-03-02', currentDate: '2026-03-30', completedAt: null, asOf: '2026-03-11' }); // 28
 * milestoneSlipDays({ baselineDate: '2026-09-01', currentDate: '2026-09-01', completedAt: null, asOf: '2026-10-15' }); // 44
 */
export function milestoneSlipDays({
  baselineDate,
  currentDate,
  completedAt,
  asOf,
}: {
  baselineDate: Day;
  currentDate: Day;
  completedAt: Day | null;
  asOf: Day;
}): number {
  const baseline = dayToEpochDay(baselineDate, 'baselineDate');
  const current = dayToEpochDay(currentDate, 'currentDate');
  const today = dayToEpochDay(asOf, 'asOf');
  if (completedAt === null) return Math.max(current, today) - baseline;
  return dayToEpochDay(completedAt, 'completedAt') - baseline;
}

/**
 * Whether a milestone is overdue on `asOf`: still open, and its current date is before `asOf`
 * (its slip then counts to `asOf`, see `milestoneSlipDays`). Due today is not overdue.
 *
 * @example
 * isMilestoneOverdue({ currentDate: '2026-09-01', completedAt: null, asOf: '2026-09-02' }); // true
 */
export function isMilestoneOverdue({
  currentDate,
  completedAt,
  asOf,
}: {
  currentDate: Day;
  completedAt: Day | null;
  asOf: Day;
}): boolean {
  if (completedAt !== null) return false;
  return dayToEpochDay(currentDate, 'currentDate') < dayToEpochDay(asOf, 'asOf');
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
