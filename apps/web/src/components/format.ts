/**
 * How numbers from the API are written on screen. Display only: the numbers themselves come
 * computed from the API (and `@bearing/metrics` behind it).
 */

const percentFormat = new Intl.NumberFormat(undefined, {
  style: 'percent',
  maximumFractionDigits: 0,
});
const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const compactFormat = new Intl.NumberFormat(undefined, {
  notation: 'compact',
  maximumFractionDigits: 1,
});
const scoreFormat = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const secondsFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const shortDayFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** A share (0.4) as a percentage ("40%"); `null` as an em dash. */
export function formatPercent(share: number | null): string {
  return share === null ? '—' : percentFormat.format(share);
}

export function formatNumber(value: number | null): string {
  return value === null ? '—' : numberFormat.format(value);
}

/** Large values shortened for axis ticks: 12,500 → "12.5K". */
export function formatCompact(value: number): string {
  return compactFormat.format(value);
}

/** A value in its unit: "40 users", "217 ms", "12 %"; without a unit just the number. */
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  return unit ? `${numberFormat.format(value)} ${unit}` : numberFormat.format(value);
}

/** An OKR score on Google's 0.0–1.0 scale, always with one decimal. */
export function formatScore(score: number | null): string {
  return score === null ? '—' : scoreFormat.format(score);
}

/** An instant in the reader's locale and time zone: "Dec 7, 2026, 10:00 AM". */
export function formatDateTime(instant: string | number): string {
  return dateTimeFormat.format(new Date(instant));
}

/**
 * How long something took, to the precision a person cares about at that length: "350 ms",
 * "1.2 s", "42 s", "3 min", "1 h 5 min"; `null` (not finished) as an em dash.
 */
export function formatDuration(milliseconds: number | null): string {
  if (milliseconds === null) return '—';
  if (milliseconds < 1_000) return `${Math.round(milliseconds)} ms`;
  const seconds = milliseconds / 1_000;
  if (seconds < 10) return `${secondsFormat.format(seconds)} s`;
  if (Math.round(seconds) < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** A calendar day (`2026-11-26`) or an instant, as the day it falls on in UTC. */
export function formatDay(dayOrInstant: string | number): string {
  return dayFormat.format(new Date(dayOrInstant));
}

/** For chart axes: "Nov 26". */
export function formatShortDay(dayOrInstant: string | number): string {
  return shortDayFormat.format(new Date(dayOrInstant));
}

/** Today's date in UTC, `YYYY-MM-DD` — the calendar the API counts days in. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** `day` moved by `days` calendar days, `YYYY-MM-DD`. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
