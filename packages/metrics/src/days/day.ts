import { daysFromCivil, daysInMonth } from './civil-date.js';
import { parseInstant } from './instant-parser.js';
import { zoneOffsetMs } from './zone-offset.js';

/** A calendar date, `YYYY-MM-DD`. */
export type Day = string;
/**
 * An ISO-8601 timestamp with an offset, e.g. `2018-01-03T01:01:01Z`,
 * `2015-11-21T07:03:02.000-0500` (Jira) or `2024-03-01T09:30+01:00`. A timestamp without an
 * offset is rejected: its moment would depend on the zone of the machine reading it.
 */
export type Instant = string;

const MS_PER_DAY = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 (the Unix epoch) for a `YYYY-MM-DD` string, in the proleptic Gregorian
 * calendar (ISO 8601). Working on whole epoch-day integers keeps calendar arithmetic exact (no
 * daylight-saving hours, no local time zone of the host).
 * Throws `RangeError` naming `argumentName` when the value is not a real calendar date.
 *
 * @example dayToEpochDay('2024-03-01') // 19783
 * @example dayToEpochDay('2024-02-30', 'from') // RangeError: from is not a calendar date: 2024-02-30
 */
export function dayToEpochDay(day: Day, argumentName = 'day'): number {
  const match = typeof day === 'string' ? DAY_PATTERN.exec(day) : null;
  if (!match) {
    throw new RangeError(`${argumentName} must be a day formatted YYYY-MM-DD, got ${String(day)}`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const date = Number(match[3]);
  if (month < 1 || month > 12 || date < 1 || date > daysInMonth(year, month)) {
    throw new RangeError(`${argumentName} is not a calendar date: ${day}`);
  }
  return daysFromCivil(year, month, date);
}

/**
 * The `YYYY-MM-DD` string of an epoch-day number (days since 1970-01-01).
 *
 * @example epochDayToDay(19783) // '2024-03-01'
 */
export function epochDayToDay(epochDay: number): Day {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * `day` shifted by `count` whole calendar days (negative goes back). Throws `RangeError` naming
 * `count` unless it is an integer.
 *
 * @example addDays('2024-02-28', 1) // '2024-02-29'
 */
export function addDays(day: Day, count: number): Day {
  if (!Number.isSafeInteger(count)) {
    throw new RangeError(`count must be a whole number of days, got ${String(count)}`);
  }
  return epochDayToDay(dayToEpochDay(day) + count);
}

/**
 * Calendar days from `from` to `to` (`to − from`; negative when `to` is earlier).
 *
 * @example daysBetween('2024-01-01', '2024-03-01') // 60
 */
export function daysBetween(from: Day, to: Day): number {
  return dayToEpochDay(to, 'to') - dayToEpochDay(from, 'from');
}

/**
 * Day of the week, 0 = Sunday … 6 = Saturday (JavaScript's `getUTCDay` numbering).
 *
 * @example weekdayOf('2026-11-26') // 4 (a Thursday)
 */
export function weekdayOf(day: Day): number {
  return weekdayOfEpochDay(dayToEpochDay(day));
}

/**
 * `weekdayOf` for an epoch day: (epochDay + 4) mod 7, because 1970-01-01 was a Thursday (4).
 *
 * @example weekdayOfEpochDay(0) // 4
 */
export function weekdayOfEpochDay(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

/**
 * The Monday on or before `day` (ISO 8601 weeks start on Monday).
 *
 * @example mondayOnOrBefore('2026-11-26') // '2026-11-23'
 */
export function mondayOnOrBefore(day: Day): Day {
  const epochDay = dayToEpochDay(day);
  const sinceMonday = (weekdayOfEpochDay(epochDay) + 6) % 7;
  return epochDayToDay(epochDay - sinceMonday);
}

/**
 * Every day from `from` to `to`, both included. Throws `RangeError` naming `to` when it is
 * before `from`.
 *
 * @example eachDay('2024-12-31', '2025-01-01') // ['2024-12-31', '2025-01-01']
 */
export function eachDay(from: Day, to: Day): Day[] {
  const start = dayToEpochDay(from, 'from');
  const end = dayToEpochDay(to, 'to');
  if (end < start) throw new RangeError(`to (${to}) is before from (${from})`);
  const days: Day[] = [];
  for (let epochDay = start; epochDay <= end; epochDay++) days.push(epochDayToDay(epochDay));
  return days;
}

/** Zones `assertTimeZone` has accepted; the runtime's zone data does not change while it runs. */
const knownTimeZones = new Set<string>();

/**
 * Throws `RangeError` naming the argument unless `timeZone` is an IANA time zone (tz database)
 * name this runtime knows.
 *
 * @example assertTimeZone('Europe/Berlin') // passes
 * @example assertTimeZone('Mars/Olympus') // RangeError: timeZone is not a known IANA time zone
 */
export function assertTimeZone(timeZone: string, argumentName = 'timeZone'): void {
  // Constructing the `Intl` formatter that validates a zone is slow; a zone is checked once.
  if (knownTimeZones.has(timeZone)) return;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new RangeError(`${argumentName} is not a known IANA time zone: ${String(timeZone)}`);
  }
  knownTimeZones.add(timeZone);
}

/**
 * Milliseconds since the epoch of an ISO-8601 instant with an offset (`Z`, `±hh:mm`, Jira's
 * `±hhmm` or `±hh`); a space may replace the `T` (RFC 3339). Throws `RangeError` naming
 * `argumentName` for anything else — in particular a timestamp without an offset, whose moment
 * would depend on the machine's zone, and an impossible date such as 2024-02-30.
 *
 * @example instantToEpochMs('2015-11-21T07:03:02.000-0500') // 1448107382000
 */
export function instantToEpochMs(instant: Instant, argumentName = 'instant'): number {
  const ms = parseInstant(instant);
  if (Number.isNaN(ms)) {
    throw new RangeError(
      `${argumentName} is not an ISO-8601 instant with an offset: ${String(instant)}`,
    );
  }
  return ms;
}

/**
 * The calendar day on which `instant` falls in `timeZone` (IANA, default UTC). The zone's
 * offset at that instant comes from `@date-fns/tz`, so daylight-saving changes are honoured.
 * Throws `RangeError` naming `argumentName` for an invalid instant and `timeZone` for an
 * unknown zone.
 *
 * @example instantToDay('2024-03-01T23:30:00Z', 'Europe/Berlin') // '2024-03-02'
 */
export function instantToDay(instant: Instant, timeZone = 'UTC', argumentName = 'instant'): Day {
  return epochMsToDay(instantToEpochMs(instant, argumentName), timeZone);
}

/**
 * The calendar day on which the instant `epochMs` falls in `timeZone` (IANA, default UTC):
 * UTC shifted by the zone's offset at that instant (`@date-fns/tz`). Throws `RangeError`
 * naming `timeZone` for an unknown zone.
 *
 * @example epochMsToDay(Date.parse('2015-11-22T03:03:02Z'), 'America/New_York') // '2015-11-21'
 */
export function epochMsToDay(epochMs: number, timeZone = 'UTC'): Day {
  return epochDayToDay(Math.floor((epochMs + zoneOffsetMs(epochMs, timeZone)) / MS_PER_DAY));
}
