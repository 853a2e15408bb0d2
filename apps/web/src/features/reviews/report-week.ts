/**
 * Weeks as the reports name them: by their Monday, in UTC (the calendar the API counts days in).
 */

const DAY_MS = 86_400_000;

function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

function formatIsoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The Monday of the week holding `day` (`YYYY-MM-DD`); a Sunday belongs to the week before. */
export function mondayOf(day: string): string {
  const date = parseDay(day);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return formatIsoDay(new Date(date.getTime() - sinceMonday * DAY_MS));
}

/** The Monday `weeks` weeks after (or before, when negative) the week of `monday`. */
export function shiftWeeks(monday: string, weeks: number): string {
  return formatIsoDay(new Date(parseDay(monday).getTime() + weeks * 7 * DAY_MS));
}

/** Whether `day` is a real calendar day and a Monday — what the API accepts as a week. */
export function isMonday(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const date = parseDay(day);
  return !Number.isNaN(date.getTime()) && formatIsoDay(date) === day && date.getUTCDay() === 1;
}
