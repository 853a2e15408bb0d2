import type { Calendar } from '@bearing/metrics';
import { addDays, epochMsToDay } from '@bearing/metrics';
import type { Team } from '../teams/team.entity.js';

/** What the day helpers read of a team (an entity or a plain row). */
type TeamDays = Pick<Team, 'timeZone'>;

/** Default span of the flow charts and of a forecast's throughput sample: 90 days. */
const DEFAULT_SPAN_DAYS = 90;

/** Today in the team's time zone. */
export function todayOf(team: TeamDays, now: Date): string {
  return epochMsToDay(now.getTime(), team.timeZone);
}

/** `from`/`to` as asked, else the 90 days ending `to` (default: today). */
export function dayRange(
  team: TeamDays,
  now: Date,
  range: { from?: string | undefined; to?: string | undefined },
): { from: string; to: string } {
  const to =
    range.to ?? (range.from ? addDays(range.from, DEFAULT_SPAN_DAYS - 1) : todayOf(team, now));
  return { from: range.from ?? addDays(to, 1 - DEFAULT_SPAN_DAYS), to };
}

/** The throughput sample of a forecast: as asked, else the 90 days up to yesterday. */
export function sampleRange(
  team: TeamDays,
  now: Date,
  sample: { sampleFrom?: string | undefined; sampleTo?: string | undefined },
): { from: string; to: string } {
  const to =
    sample.sampleTo ??
    (sample.sampleFrom
      ? addDays(sample.sampleFrom, DEFAULT_SPAN_DAYS - 1)
      : addDays(todayOf(team, now), -1));
  return { from: sample.sampleFrom ?? addDays(to, 1 - DEFAULT_SPAN_DAYS), to };
}

export function calendarOf(team: Pick<Team, 'calendar'>): Calendar {
  return { nonWorkingWeekdays: team.calendar.nonWorkingWeekdays, holidays: team.calendar.holidays };
}
