import { randomUUID } from 'node:crypto';
import type { z } from 'zod';

/**
 * A plausible value for a zod schema, built from the schema itself so that a fuzz test can send
 * every route a body (or query) that passes validation apart from the one field it spoils. Each
 * leaf tries a few ordinary candidates and keeps the first the leaf accepts, so formats, patterns
 * and refinements on single fields are met without knowing the field; objects include their
 * optional fields, so those get fuzzed too. Best effort: a whole object may still fail a
 * cross-field rule — `isValidSample` tells.
 */
export function sampleOf(schema: z.ZodType): unknown {
  numbersSampled = 0;
  return sample(schema, 0);
}

export function isValidSample(schema: z.ZodType, value: unknown): boolean {
  return schema.safeParse(value).success;
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  in?: z.ZodType;
  getter?: () => z.ZodType;
  items?: z.ZodType[];
  checks?: { _zod: { def: { check: string; minimum?: number } } }[];
};

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const STRING_CANDIDATES = [
  'Sample text',
  'sample',
  'a',
  'user@example.com',
  '2026-01-05',
  '2026-01-05T09:30:00Z',
  'https://example.com/',
  'Europe/Berlin',
  'sample-1',
  'sample.key',
  'SAMPLE',
  'ABC-1',
  'd/M/yyyy h:mm a',
  '#1f77b4',
  '1',
];
const NUMBER_CANDIDATES = [1, 2, 5, 0, 0.5, 100, 2026];
let numbersSampled = 0;

function sample(schema: z.ZodType, depth: number): unknown {
  if (depth > 12) return undefined;
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return sample(def.innerType as z.ZodType, depth + 1);
    case 'pipe':
      // A pipe's input may be looser than what it finally accepts (trimmed text piped to an email).
      return firstAccepted(schema, STRING_CANDIDATES) ?? sample(def.in as z.ZodType, depth + 1);
    case 'lazy':
      return sample((def.getter as () => z.ZodType)(), depth + 1);
    case 'object':
      return objectSample(schema, def, depth);
    case 'array':
      return arraySample(schema, def, depth);
    case 'tuple':
      return (def.items ?? []).map((item) => sample(item, depth + 1));
    case 'union': {
      const candidates = (def.options ?? []).map((option) => sample(option, depth + 1));
      return candidates.find((candidate) => isValidSample(schema, candidate)) ?? candidates[0];
    }
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    case 'record':
      return {};
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string':
      return firstAccepted(schema, [...STRING_CANDIDATES, randomUUID()]) ?? 'sample';
    case 'number':
    case 'int':
    case 'bigint': {
      // Successive numbers differ, so rules such as "target differs from baseline" hold.
      const accepted = NUMBER_CANDIDATES.filter((candidate) => isValidSample(schema, candidate));
      return accepted.length > 0 ? accepted[numbersSampled++ % accepted.length] : 1;
    }
    case 'date':
      return '2026-01-05';
    default:
      return firstAccepted(schema, [...STRING_CANDIDATES, ...NUMBER_CANDIDATES, true]);
  }
}

function objectSample(schema: z.ZodType, def: Def, depth: number): Record<string, unknown> {
  const full: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(def.shape ?? {})) {
    const value = sample(field, depth + 1);
    if (value !== undefined) full[key] = value;
  }
  if (isValidSample(schema, full)) return full;
  // A rule across fields (e.g. "a password or an invite, not both") may refuse an optional one:
  // drop one, then all of them.
  const optional = Object.entries(def.shape ?? {})
    .filter(([, field]) => field.safeParse(undefined).success)
    .map(([key]) => key);
  for (const key of optional) {
    const without = withoutKeys(full, [key]);
    if (isValidSample(schema, without)) return without;
  }
  const required = withoutKeys(full, optional);
  return isValidSample(schema, required) ? required : full;
}

function withoutKeys(object: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}

function arraySample(schema: z.ZodType, def: Def, depth: number): unknown[] {
  const one = sample(def.element as z.ZodType, depth + 1);
  const candidates = [[one], [], [one, sample(def.element as z.ZodType, depth + 1)]];
  return candidates.find((candidate) => isValidSample(schema, candidate)) ?? [one];
}

function firstAccepted(schema: z.ZodType, candidates: unknown[]): unknown {
  return candidates.find((candidate) => isValidSample(schema, candidate));
}

/** Every path in `value` that leads to a string, e.g. `['members', 0, 'role']`. */
export function stringPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value))
    return value.flatMap((item, index) => stringPaths(item, [...at, index]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...at, key]));
  }
  return [];
}

/** A deep copy of `value` with the string at `path` replaced by `replace(old)`. */
export function withStringAt(
  value: unknown,
  path: (string | number)[],
  replace: (old: string) => string,
): unknown {
  if (path.length === 0) return replace(value as string);
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) {
    return value.map((item: unknown, index) =>
      index === head ? withStringAt(item, rest, replace) : item,
    );
  }
  const object = value as Record<string, unknown>;
  return { ...object, [head]: withStringAt(object[head], rest, replace) };
}
