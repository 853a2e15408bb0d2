/** Today as `YYYY-MM-DD` in `timeZone` — the team's "today", from which forecasts count days. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Calendar days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * What "how many by this date" asks the API: the number of days from the team's today to the
 * date, or why it cannot be asked (the field's error).
 */
export function howManyDays(today: string, date: string): { days: number } | { error: string } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { error: 'Enter a date' };
  const days = daysBetween(today, date);
  if (days < 1) return { error: 'Choose a date after today' };
  if (days > 3650) return { error: 'Choose a date within ten years' };
  return { days };
}
