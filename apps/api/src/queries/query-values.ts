import type { Column } from './language/query-types.js';

const DURATION_PARTS: [string, number][] = [
  ['D', 86_400_000],
  ['H', 3_600_000],
  ['M', 60_000],
];

/** Milliseconds as an ISO-8601 duration: 90 minutes → `PT1H30M`, two days → `P2D`. */
export function isoDuration(milliseconds: number): string {
  const sign = milliseconds < 0 ? '-' : '';
  let rest = Math.abs(Math.round(milliseconds));
  const parts: Record<string, number> = {};
  for (const [unit, size] of DURATION_PARTS) {
    parts[unit] = Math.floor(rest / size);
    rest -= (parts[unit] ?? 0) * size;
  }
  const seconds = rest / 1000;
  const date = parts.D ? `${parts.D}D` : '';
  const time = `${parts.H ? `${parts.H}H` : ''}${parts.M ? `${parts.M}M` : ''}${seconds ? `${seconds}S` : ''}`;
  if (!date && !time) return 'PT0S';
  return `${sign}P${date}${time ? `T${time}` : ''}`;
}

/** A database value as the API answers it for a column of this type. */
export function answerValue(column: Column, value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'datetime':
      return (value instanceof Date ? value : new Date(value as string)).toISOString();
    case 'timespan':
      return isoDuration(Number(value));
    case 'long':
    case 'real': {
      const number = Number(value);
      return Number.isFinite(number) ? number : null;
    }
    case 'bool':
      return Boolean(value);
    case 'string':
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}
