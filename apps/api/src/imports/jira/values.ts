import { instantToEpochMs } from '@bearing/metrics';

/** Loose readers for parsed JSON: an export is data from outside, so nothing is assumed. */

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

/** A property of the object itself — never one inherited, such as `toString`. */
export function ownValue(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

export function asArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A non-empty string after trimming, else undefined. */
export function asText(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value.trim() : undefined;
  return text ? text : undefined;
}

/** Jira ids come as strings (`"10001"`) or numbers. */
export function asId(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return asText(value);
}

/**
 * An instant with an offset (`2015-11-21T07:03:02.000-0500`, `…Z`) as ISO-8601 UTC, using the
 * metrics package's own parser so the API reads timestamps exactly as the metrics do; undefined
 * when it is not one.
 */
export function toUtcInstant(value: string): string | undefined {
  try {
    const ms = instantToEpochMs(value);
    const date = new Date(ms);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  } catch {
    return undefined;
  }
}

/** Story points: a finite number ≥ 0, from a number or a numeric string; `''`/null clear it. */
export function parsePoints(value: unknown): { points: number | null } | undefined {
  if (value === null || value === undefined) return { points: null };
  if (typeof value === 'number') return validPoints(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return { points: null };
  if (!/^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  return validPoints(Number(text));
}

function validPoints(points: number): { points: number } | undefined {
  return Number.isFinite(points) && points >= 0 && points < 1e9 ? { points } : undefined;
}

/** A value as a short quoted string for a problem message. */
export function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return typeof value === 'string' ? JSON.stringify(short) : short;
}

const recentInstants = new Map<string, string>();

/**
 * `toUtcInstant` for values that repeat — sprint dates come with every issue of the sprint —
 * converting each distinct text once.
 */
export function toUtcInstantCached(value: string): string | undefined {
  const cached = recentInstants.get(value);
  if (cached !== undefined) return cached;
  const instant = toUtcInstant(value);
  if (instant !== undefined) {
    if (recentInstants.size >= 4096) recentInstants.clear();
    recentInstants.set(value, instant);
  }
  return instant;
}
