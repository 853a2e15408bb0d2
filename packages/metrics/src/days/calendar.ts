import { type Day, dayToEpochDay, epochDayToDay, weekdayOfEpochDay } from './day.js';

/**
 * A team's working calendar. Weekdays are 0 = Sunday … 6 = Saturday; `holidays` are whole days
 * off for everyone.
 */
export type Calendar = { nonWorkingWeekdays: number[]; holidays: Day[] };

/** Saturday and Sunday off, no holidays. */
export const DEFAULT_CALENDAR: Calendar = Object.freeze({
  nonWorkingWeekdays: Object.freeze([0, 6]) as unknown as number[],
  holidays: Object.freeze([]) as unknown as Day[],
});

/** A checked, fast-to-query form of a calendar. */
export type CalendarIndex = { isWorkingEpochDay(epochDay: number): boolean };

/**
 * Checks `calendar` once and returns a lookup for hot loops: an epoch day is a working day when
 * its weekday is not in `nonWorkingWeekdays` and it is not one of the `holidays`. Throws
 * `RangeError` naming `calendar.nonWorkingWeekdays` or `calendar.holidays` when invalid.
 *
 * @example indexCalendar().isWorkingEpochDay(dayToEpochDay('2024-03-09')) // false (a Saturday)
 */
export function indexCalendar(calendar: Calendar = DEFAULT_CALENDAR): CalendarIndex {
  for (const weekday of calendar.nonWorkingWeekdays) {
    if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) {
      throw new RangeError(`calendar.nonWorkingWeekdays must hold integers 0–6, got ${weekday}`);
    }
  }
  const offWeekdays = new Set(calendar.nonWorkingWeekdays);
  const holidays = new Set(
    calendar.holidays.map((holiday) => dayToEpochDay(holiday, 'calendar.holidays')),
  );
  return {
    isWorkingEpochDay: (epochDay) =>
      !offWeekdays.has(weekdayOfEpochDay(epochDay)) && !holidays.has(epochDay),
  };
}

/**
 * Whether `day` is a working day of `calendar` (default: Saturday and Sunday off, no holidays).
 *
 * @example isWorkingDay('2024-03-08') // true (a Friday)
 */
export function isWorkingDay(day: Day, calendar: Calendar = DEFAULT_CALENDAR): boolean {
  return indexCalendar(calendar).isWorkingEpochDay(dayToEpochDay(day));
}

/**
 * Working days of `calendar` from `start` to `end`, both included (the same as `workingDays`).
 * Throws `RangeError` naming `end` when it is before `start`.
 *
 * @example workingDaysBetween('2024-03-01', '2024-03-05') // ['2024-03-01', '2024-03-04', '2024-03-05']
 */
export function workingDaysBetween(
  start: Day,
  end: Day,
  calendar: Calendar = DEFAULT_CALENDAR,
): Day[] {
  const first = dayToEpochDay(start, 'start');
  const last = dayToEpochDay(end, 'end');
  if (last < first) throw new RangeError(`end (${end}) is before start (${start})`);
  const index = indexCalendar(calendar);
  const days: Day[] = [];
  for (let epochDay = first; epochDay <= last; epochDay++) {
    if (index.isWorkingEpochDay(epochDay)) days.push(epochDayToDay(epochDay));
  }
  return days;
}
