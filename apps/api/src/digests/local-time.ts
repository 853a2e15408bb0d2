/** A moment as the clock on a user's wall shows it. */
export type LocalTime = { day: string; weekday: number; hour: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per time zone (there are few; recipients are many). */
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/**
 * `now` in `timeZone` (UTC when `null` or not a zone the runtime knows): the local day
 * (`YYYY-MM-DD`), weekday (0 = Sunday) and hour.
 */
export function localTime(now: Date, timeZone: string | null): LocalTime {
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = formatterOf(timeZone ?? 'UTC');
  } catch {
    formatter = formatterOf('UTC');
  }
  const parts = Object.fromEntries(
    formatter.formatToParts(now).map(({ type, value }) => [type, value]),
  );
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? now.getUTCDay(),
    hour: Number(parts.hour),
  };
}
