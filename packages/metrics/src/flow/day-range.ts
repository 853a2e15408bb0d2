import { dayToEpochDay } from '../days/index.js';
import type { DayRange } from './types.js';

/**
 * `{ from, to }` as epoch days; `RangeError` naming `from` / `to` for an invalid day or `to`
 * before `from`. Internal.
 */
export function epochDayRange(range: DayRange): { first: number; last: number } {
  if (range === null || typeof range !== 'object') {
    throw new RangeError('range must be an object { from, to }');
  }
  const first = dayToEpochDay(range.from, 'from');
  const last = dayToEpochDay(range.to, 'to');
  if (last < first) throw new RangeError(`to (${range.to}) is before from (${range.from})`);
  return { first, last };
}
