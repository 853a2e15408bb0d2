import { type Day, dayToEpochDay } from '../days/index.js';

/**
 * The day an objective's or key result's numbers are taken as of: `today` while its period
 * runs (or has not begun), the period's last day once it is over. A closed period keeps the
 * grade it ended with — the value read, the expected progress, the pace and the score are all
 * as of `end`, from readings dated on or before it, so data that arrives later changes nothing
 * unless it is dated inside the period.
 *
 * Source: Google re:Work, "Guide: Set goals with OKRs" — OKRs are graded at the end of the
 * quarter, on what was achieved within it.
 *
 * @example
 * okrAsOf({ start: '2024-07-01', end: '2024-09-30' }, '2024-08-15'); // → '2024-08-15'
 * okrAsOf({ start: '2024-07-01', end: '2024-09-30' }, '2024-11-04'); // → '2024-09-30'
 */
export function okrAsOf(period: { start: Day; end: Day }, today: Day): Day {
  const start = dayToEpochDay(period.start, 'period.start');
  const end = dayToEpochDay(period.end, 'period.end');
  const asOf = dayToEpochDay(today, 'today');
  if (end < start) {
    throw new RangeError(`period.end (${period.end}) is before period.start (${period.start})`);
  }
  return asOf > end ? period.end : today;
}
