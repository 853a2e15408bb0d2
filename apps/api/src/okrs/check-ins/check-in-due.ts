import type { CheckInCadence, CheckInDue } from '@bearing/contracts';
import { addDays, type Day } from '@bearing/metrics';

/**
 * `since` moved on by `count` cadence intervals: 7 or 14 days, or calendar months (the 31st
 * plus a month is the last day of a shorter month, as in date-fns `addMonths`).
 */
export function addCadence(since: Day, cadence: CheckInCadence, count: number): Day {
  switch (cadence) {
    case 'weekly':
      return addDays(since, 7 * count);
    case 'biweekly':
      return addDays(since, 14 * count);
    case 'monthly': {
      const [year = 0, month = 1, day = 1] = since.split('-').map(Number);
      const lastDayOfTargetMonth = new Date(Date.UTC(year, month - 1 + count + 1, 0)).getUTCDate();
      return new Date(Date.UTC(year, month - 1 + count, Math.min(day, lastDayOfTargetMonth)))
        .toISOString()
        .slice(0, 10);
    }
  }
}

/**
 * Whether a check-in is expected: `'due'` once one cadence interval has passed since `since`
 * (the last check-in, or when the key result started), `'overdue'` once two have — a whole
 * check-in was missed — else `null`. E.g. weekly since 2026-01-05: `null` until 01-11, `'due'`
 * 01-12 … 01-18, `'overdue'` from 01-19.
 */
export function checkInDue(since: Day, cadence: CheckInCadence, today: Day): CheckInDue | null {
  if (today >= addCadence(since, cadence, 2)) return 'overdue';
  if (today >= addCadence(since, cadence, 1)) return 'due';
  return null;
}
