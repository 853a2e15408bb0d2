import { type Day, daysBetween, dayToEpochDay } from '../days/index.js';

/**
 * The share of a period that has elapsed on `asOf` — where progress "should" be if it were
 * linear: `(asOf − start) ÷ (end − start)` in calendar days, clamped to [0, 1].
 * A period whose `end` equals its `start` is 0 before that day and 1 from it on.
 *
 * Source: the "expected progress" line of OKR tools (Quantive Results, Google re:Work OKR
 * mid-quarter check-ins): pace is judged against time elapsed.
 *
 * @example
 * expectedProgress({ start: '2024-01-01', end: '2024-03-31' }, '2024-02-15'); // → 45/90 = 0.5
 */
export function expectedProgress(period: { start: Day; end: Day }, asOf: Day): number {
  dayToEpochDay(period.start, 'period.start');
  dayToEpochDay(period.end, 'period.end');
  dayToEpochDay(asOf, 'asOf');
  const length = daysBetween(period.start, period.end);
  if (length < 0) {
    throw new RangeError(`period.end (${period.end}) is before period.start (${period.start})`);
  }
  const elapsed = daysBetween(period.start, asOf);
  if (length === 0) return elapsed < 0 ? 0 : 1;
  return Math.min(1, Math.max(0, elapsed / length));
}
