import type { Sprint } from '@bearing/contracts';
import { addDays, formatDay } from '../../../components/format';

/**
 * A sprint's time box is two instants; people plan it in calendar days of the team's time zone,
 * the days the API counts its capacity in. These convert between the two.
 */

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

/** The wall-clock time in `timeZone` at `epochMs`, read as if it were UTC. */
function wallClockMs(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in `timeZone`. */
export function dayOfInstant(instant: string, timeZone: string): string {
  return new Date(wallClockMs(Date.parse(instant), timeZone)).toISOString().slice(0, 10);
}

/**
 * The first instant of `day` in `timeZone` (its midnight; where a clock change skips midnight,
 * the first time that exists). Two passes, because the offset at the guess may differ from the
 * offset at the answer across a clock change.
 */
export function startOfDayIn(day: string, timeZone: string): string {
  const midnightAsUtc = Date.parse(`${day}T00:00:00.000Z`);
  let epochMs = midnightAsUtc;
  for (let pass = 0; pass < 2; pass += 1) {
    epochMs = midnightAsUtc - (wallClockMs(epochMs, timeZone) - epochMs);
  }
  // A skipped midnight lands on the previous day: the day starts when its clock first runs.
  if (dayOfInstant(new Date(epochMs).toISOString(), timeZone) < day) epochMs += 3_600_000;
  return new Date(epochMs).toISOString();
}

/** The last instant of `day` in `timeZone`: a sprint that ends on a day includes all of it. */
export function endOfDayIn(day: string, timeZone: string): string {
  return new Date(Date.parse(startOfDayIn(addDays(day, 1), timeZone)) - 1).toISOString();
}

/** "Nov 30, 2026 – Dec 11, 2026" in the team's days; "No dates yet" for an unplanned sprint. */
export function formatSprintDays(sprint: Pick<Sprint, 'start' | 'end'>, timeZone: string): string {
  if (sprint.start === null && sprint.end === null) return 'No dates yet';
  const day = (instant: string | null) =>
    instant === null ? '…' : formatDay(dayOfInstant(instant, timeZone));
  return `${day(sprint.start)} – ${day(sprint.end)}`;
}
