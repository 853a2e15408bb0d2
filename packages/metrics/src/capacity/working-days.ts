import { type Calendar, DEFAULT_CALENDAR, type Day, workingDaysBetween } from '../days/index.js';

/**
 * The working days of `calendar` from `start` to `end`, both included: every day whose weekday
 * is not in `calendar.nonWorkingWeekdays` and that is not one of `calendar.holidays`.
 * Throws `RangeError` naming `end` when it is before `start`, and `start` / `end` when they are
 * not calendar days.
 *
 * Source: the working-day calendars of Jira (Board settings → Working days: weekdays and
 * non-working days) and OpenProject (Working days and holidays), which burndowns and capacity
 * plans count in the same way.
 *
 * @example
 * workingDays('2024-03-01', '2024-03-05'); // Fri … Tue
 * // → ['2024-03-01', '2024-03-04', '2024-03-05']
 */
export function workingDays(start: Day, end: Day, calendar: Calendar = DEFAULT_CALENDAR): Day[] {
  return workingDaysBetween(start, end, calendar);
}
