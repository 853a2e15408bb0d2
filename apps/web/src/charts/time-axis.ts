import type { SeriesBucket } from '@bearing/contracts';

const dayTick = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const monthTick = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const hourTick = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

const DAY_MS = 86_400_000;

/** Axis labels that suit the span shown: hours, days, or months. */
export function timeTickFormatter(bucket: SeriesBucket, spanMs: number): (time: number) => string {
  if (bucket === 'hour' || spanMs < 2 * DAY_MS) return (time) => hourTick.format(time);
  if (bucket === 'month' || bucket === 'quarter' || bucket === 'year' || spanMs > 120 * DAY_MS) {
    return (time) => monthTick.format(time);
  }
  return (time) => dayTick.format(time);
}

/** How a bucketed point is described: "Week of Nov 23, 2026". */
export function describeBucket(bucket: SeriesBucket, timestamp: string): string {
  const date = new Date(timestamp);
  const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
  switch (bucket) {
    case 'none':
      // Daily values are pushed as days (midnight UTC): their time of day says nothing.
      if (timestamp.endsWith('T00:00:00.000Z')) return day.format(date);
      return new Intl.DateTimeFormat(undefined, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'UTC',
      }).format(date);
    case 'hour':
      return `Hour from ${hourTick.format(date)} UTC`;
    case 'day':
      return day.format(date);
    case 'week':
      return `Week of ${day.format(date)}`;
    case 'month':
      return monthTick.format(date);
    case 'quarter':
      return `Quarter from ${monthTick.format(date)}`;
    case 'year':
      return String(date.getUTCFullYear());
  }
}

const MAX_TICKS = 8;

/**
 * Tick positions for a time axis from `start` to `end` (epoch ms) at calendar boundaries in
 * UTC: days, whole weeks from the start, or month starts — at most eight. `undefined` for
 * spans under two days, where the chart's own ticks do better.
 */
export function timeTicks(start: number, end: number): number[] | undefined {
  const spanDays = (end - start) / DAY_MS;
  if (!(spanDays >= 2)) return undefined;
  const first = startOfUtcDay(start);
  if (spanDays <= 120) {
    const stepDays = spanDays <= MAX_TICKS ? 1 : Math.ceil(spanDays / MAX_TICKS / 7) * 7;
    const ticks: number[] = [];
    for (let tick = first; tick <= end; tick += stepDays * DAY_MS) {
      if (tick >= start) ticks.push(tick);
    }
    return ticks;
  }
  const months = Math.ceil(spanDays / 30.44);
  const stepMonths = Math.max(1, Math.ceil(months / MAX_TICKS));
  const date = new Date(first);
  const ticks: number[] = [];
  let cursor = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  while (cursor <= end) {
    ticks.push(cursor);
    const next = new Date(cursor);
    cursor = Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + stepMonths, 1);
  }
  return ticks;
}

function startOfUtcDay(time: number): number {
  return Math.ceil(time / DAY_MS) * DAY_MS;
}
