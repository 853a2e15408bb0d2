import { todayUtc } from '../../components/format';

/**
 * The calendar day (`YYYY-MM-DD`) `now` falls on in `timeZone` — the browser's zone when it is
 * undefined, or unknown to the browser.
 */
export function dayIn(now: Date, timeZone: string | undefined): string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  } catch {
    format = new Intl.DateTimeFormat('en-US', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  }
  const parts = Object.fromEntries(
    format.formatToParts(now).map(({ type, value }) => [type, value] as const),
  );
  return `${(parts.year ?? '').padStart(4, '0')}-${parts.month ?? ''}-${parts.day ?? ''}`;
}

/**
 * The day a new check-in is dated by default: the user's today (in their time zone), never
 * after the API's today (UTC), which refuses later dates — or, once the period is over, its last
 * day: the API reads a closed period as of that day, so a later check-in would not count in it.
 */
export function defaultCheckInDate(
  now: Date,
  timeZone: string | undefined,
  period: { end: string } | undefined,
): string {
  const utc = todayUtc(now);
  const local = dayIn(now, timeZone);
  const today = local < utc ? local : utc;
  return period !== undefined && today > period.end ? period.end : today;
}
