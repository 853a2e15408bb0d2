// Each function from its own module: the package's index loads some 250 (about 60 MB of the
// started server's RSS).
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';

/** "1 day", "3 days". */
export function dayCount(days: number): string {
  const count = Math.abs(days);
  return `${count} ${count === 1 ? 'day' : 'days'}`;
}

/** How a date compares to its baseline: "21 days late", "2 days early", "on time". */
export function slipWords(slipDays: number): string {
  if (slipDays === 0) return 'on time';
  return `${dayCount(slipDays)} ${slipDays > 0 ? 'late' : 'early'}`;
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar day (`2026-11-30`) as the web app writes it (`formatDay`, a medium date in English):
 * "Nov 30, 2026" — for the words of generated reports, which people read next to the app's
 * screens. The day is parsed and written in the same (local) zone, so the server's time zone
 * never shifts it.
 */
export function dayInWords(day: string): string {
  const date = DAY_PATTERN.test(day) ? parse(day, 'yyyy-MM-dd', new Date(2000, 0, 1)) : null;
  if (!date || !isValid(date)) {
    throw new RangeError(`day must be a calendar date formatted YYYY-MM-DD, got ${day}`);
  }
  return format(date, 'MMM d, yyyy');
}
