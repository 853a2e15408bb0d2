import type { Sprint } from '@bearing/contracts';
import { addDays } from '../../../components/format';
import { daysBetween } from '../dashboard/forecast-inputs';
import { dayOfInstant } from './sprint-dates';

/** What "New sprint" starts from: the sprint after the team's latest, at its usual rhythm. */
export interface SprintSuggestion {
  name: string;
  /** `YYYY-MM-DD` in the team's time zone, both inclusive. */
  start: string;
  end: string;
}

/** Two weeks, the most common sprint length, when the team has no dated sprint to go by. */
export const DEFAULT_SPRINT_DAYS = 14;
/** How many of the latest dated sprints (and intervals between starts) set the usual rhythm. */
const RECENT_SPRINTS = 3;

interface DatedSprint {
  name: string;
  start: string;
  end: string;
}

/**
 * The next sprint to suggest. Its length (first to last day) is the median of the team's last
 * three dated sprints, else 14 days. It starts one usual start-to-start interval (the median of
 * the last three) after the latest sprint's start — teams that start on alternate Mondays keep
 * doing so — and never before the day after that sprint ends. When that day has passed, it
 * moves on by whole intervals to the first start not before `today`: stale history does not
 * suggest the past, nor break the rhythm.
 * The name counts on from the latest sprint's trailing number ("Sprint 41" → "Sprint 42").
 *
 * @example suggestNextSprint([], 'UTC', '2026-11-30') // { name: 'Sprint 1', start: '2026-11-30', end: '2026-12-13' }
 */
export function suggestNextSprint(
  sprints: readonly Sprint[],
  timeZone: string,
  today: string,
): SprintSuggestion {
  const dated = datedSprints(sprints, timeZone);
  const recent = dated.slice(-RECENT_SPRINTS);
  const latest = recent.at(-1);
  if (latest === undefined) {
    return {
      name: sprints.length === 0 ? 'Sprint 1' : '',
      start: today,
      end: addDays(today, DEFAULT_SPRINT_DAYS - 1),
    };
  }
  const length = median(recent.map((sprint) => daysBetween(sprint.start, sprint.end)));
  // The last three intervals need the last four starts.
  const starts = dated.slice(-(RECENT_SPRINTS + 1)).map((sprint) => sprint.start);
  const intervals = starts
    .slice(1)
    .map((start, index) => daysBetween(starts[index] ?? start, start));
  const interval = intervals.length > 0 ? median(intervals) : length + 1;
  const next = latestOf(addDays(latest.start, interval), addDays(latest.end, 1));
  const start = onRhythmFrom(next, Math.max(interval, 1), today);
  return { name: nextName(latest.name), start, end: addDays(start, length) };
}

/** Sprints with both days, in the team's days, earliest start first. */
function datedSprints(sprints: readonly Sprint[], timeZone: string): DatedSprint[] {
  const dated: DatedSprint[] = [];
  for (const sprint of sprints) {
    if (sprint.start === null || sprint.end === null) continue;
    dated.push({
      name: sprint.name,
      start: dayOfInstant(sprint.start, timeZone),
      end: dayOfInstant(sprint.end, timeZone),
    });
  }
  return dated.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
}

/** The middle value (the mean of the two middle ones, rounded, for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] ?? 0;
  return Math.round(((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2);
}

/** `start`, moved on by whole `interval`s until it is not before `today`. */
function onRhythmFrom(start: string, interval: number, today: string): string {
  const behind = daysBetween(start, today);
  return behind <= 0 ? start : addDays(start, Math.ceil(behind / interval) * interval);
}

function latestOf(...days: string[]): string {
  return days.reduce((latest, day) => (day > latest ? day : latest));
}

/** "Sprint 41" → "Sprint 42", "PAY 2026.9" → "PAY 2026.10"; a name without a number → "". */
export function nextName(name: string): string {
  const match = /^(.*?)(\d+)(\D*)$/.exec(name);
  if (!match) return '';
  const [, before = '', number = '0', after = ''] = match;
  return `${before}${String(Number(number) + 1).padStart(number.length, '0')}${after}`;
}
