import { addDays, type Day } from '@bearing/metrics';

/**
 * A reporting week, named by its Monday: the days Monday to Sunday and, for things that happen
 * at an instant (a date move, a new risk), the UTC instants from Monday 00:00 up to the next
 * Monday 00:00.
 */
export type ReportWeek = { start: Day; end: Day; startsAt: Date; endsBefore: Date };

export function reportWeek(monday: Day): ReportWeek {
  const next = addDays(monday, 7);
  return {
    start: monday,
    end: addDays(monday, 6),
    startsAt: new Date(`${monday}T00:00:00.000Z`),
    endsBefore: new Date(`${next}T00:00:00.000Z`),
  };
}

export function isDayInWeek(week: ReportWeek, day: Day): boolean {
  return day >= week.start && day <= week.end;
}

export function isInstantInWeek(week: ReportWeek, instant: Date): boolean {
  return instant >= week.startsAt && instant < week.endsBefore;
}
