import { tzOffset } from '@date-fns/tz';

/** A calendar date, `YYYY-MM-DD`. */
export type Day = string;
/** An ISO-8601 timestamp with an offset, e.g. `2015-11-21T07:03:02.000-0500`. */
export type Instant = string;

const MS_PER_DAY = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 for a `YYYY-MM-DD` string. Working on whole epoch-day integers keeps
 * calendar arithmetic exact (no daylight-saving hours, no local time zone of the host).
 * Throws `RangeError` naming `argumentName` when the value is not a real calendar date.
 */
export function dayToEpochDay(day: Day, argumentName = 'day'): number {
  const match = typeof day === 'string' ? DAY_PATTERN.exec(day) : null;
  if (!match) {
    throw new RangeError(`${argumentName} must be a day formatted YYYY-MM-DD, got ${String(day)}`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const date = Number(match[3]);
  const ms = Date.UTC(year, month - 1, date);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) {
    throw new RangeError(`${argumentName} is not a calendar date: ${day}`);
  }
  return ms / MS_PER_DAY;
}

/** The `YYYY-MM-DD` string of an epoch-day number. */
export function epochDayToDay(epochDay: number): Day {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `day` shifted by `count` calendar days (negative goes back). */
export function addDays(day: Day, count: number): Day {
  return epochDayToDay(dayToEpochDay(day) + count);
}

/** Calendar days from `from` to `to` (`to − from`; negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return dayToEpochDay(to, 'to') - dayToEpochDay(from, 'from');
}

/** Day of the week, 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday (4). */
export function weekdayOf(day: Day): number {
  return weekdayOfEpochDay(dayToEpochDay(day));
}

export function weekdayOfEpochDay(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

/** The Monday on or before `day` (ISO weeks start on Monday). */
export function mondayOnOrBefore(day: Day): Day {
  const epochDay = dayToEpochDay(day);
  const sinceMonday = (weekdayOfEpochDay(epochDay) + 6) % 7;
  return epochDayToDay(epochDay - sinceMonday);
}

/** Every day from `from` to `to`, both included. Throws when `to` is before `from`. */
export function eachDay(from: Day, to: Day): Day[] {
  const start = dayToEpochDay(from, 'from');
  const end = dayToEpochDay(to, 'to');
  if (end < start) throw new RangeError(`to (${to}) is before from (${from})`);
  const days: Day[] = [];
  for (let epochDay = start; epochDay <= end; epochDay++) days.push(epochDayToDay(epochDay));
  return days;
}

/** Throws `RangeError` naming the argument unless `timeZone` is an IANA zone this runtime knows. */
export function assertTimeZone(timeZone: string, argumentName = 'timeZone'): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new RangeError(`${argumentName} is not a known IANA time zone: ${String(timeZone)}`);
  }
}

/** Milliseconds since the epoch of an ISO-8601 instant; `RangeError` naming the argument if invalid. */
export function instantToEpochMs(instant: Instant, argumentName = 'instant'): number {
  const ms = typeof instant === 'string' ? Date.parse(normaliseOffset(instant)) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new RangeError(`${argumentName} is not an ISO-8601 instant: ${String(instant)}`);
  }
  return ms;
}

/**
 * The calendar day on which `instant` falls in `timeZone` (IANA, default UTC). The zone's
 * offset at that instant comes from `@date-fns/tz`, so daylight-saving changes are honoured.
 */
export function instantToDay(instant: Instant, timeZone = 'UTC', argumentName = 'instant'): Day {
  return epochMsToDay(instantToEpochMs(instant, argumentName), timeZone);
}

export function epochMsToDay(epochMs: number, timeZone = 'UTC'): Day {
  const offsetMinutes = timeZone === 'UTC' ? 0 : tzOffset(timeZone, new Date(epochMs));
  return new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * `Date.parse` accepts `+05:00` but not Jira's `+0500`; insert the colon so both parse.
 */
function normaliseOffset(instant: string): string {
  return instant.replace(/([+-])(\d{2})(\d{2})$/, '$1$2:$3');
}
