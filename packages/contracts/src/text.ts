import { z } from 'zod';

/**
 * Free text as Bearing stores it. PostgreSQL cannot hold the NUL character in `text` nor in
 * `jsonb` (the audit log), and a lone UTF-16 surrogate — half of a pair such as an emoji cut in
 * two — is not Unicode at all: UTF-8 cannot encode it, `jsonb` refuses its escape, and a driver
 * would silently turn it into U+FFFD. Both are refused where text enters, with a message that
 * says which it is, instead of failing deep in the database.
 */

export const NUL_MESSAGE = 'must not contain the NUL character (\\u0000)';
export const LONE_SURROGATE_MESSAGE =
  'must not contain a lone surrogate (half of a UTF-16 pair, e.g. \\ud83d without its partner)';

const hasNul = (value: string) => value.includes('\u0000');
// With the `u` flag a well-formed pair is one code point, so only an unpaired half matches.
const LONE_SURROGATE = /\p{Cs}/u;

/** Why `value` cannot be stored as text, or `undefined` when it can. */
export function unstorableTextProblem(value: string): string | undefined {
  if (hasNul(value)) return NUL_MESSAGE;
  if (LONE_SURROGATE.test(value)) return LONE_SURROGATE_MESSAGE;
  return undefined;
}

type StringParams = Parameters<typeof z.string>[0];

/**
 * The schema of every free-text field of a request (names, titles, descriptions, notes, JQL…):
 * trimmed, without NUL or lone surrogates. Chain the field's own limits, e.g.
 * `text().min(1).max(200)`. `params` are zod's own (`{ error }` for a custom message).
 */
export function text(params?: StringParams) {
  return storable(z.string(params).trim());
}

/**
 * Free text kept exactly as sent (no trimming), for the fields that never trimmed: long prose
 * whose leading spaces may be deliberate, or a date pattern.
 */
export function untrimmedText(params?: StringParams) {
  return storable(z.string(params));
}

function storable(schema: z.ZodString) {
  return schema
    .refine((value) => !hasNul(value), { error: NUL_MESSAGE, abort: true })
    .refine((value) => !LONE_SURROGATE.test(value), { error: LONE_SURROGATE_MESSAGE, abort: true });
}

export type UnstorableText = { path: (string | number)[]; message: string };

/**
 * Every string in `value` (a parsed request part, however deep, object keys included) that
 * cannot be stored as text. The API checks each validated request with it, so a field whose
 * schema is not `text()` — an id, a map key — still never carries NUL to the database.
 */
export function findUnstorableText(
  value: unknown,
  path: (string | number)[] = [],
): UnstorableText[] {
  if (typeof value === 'string') {
    const message = unstorableTextProblem(value);
    return message ? [{ path, message }] : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => findUnstorableText(item, [...path, index]));
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, item]) => {
      const message = unstorableTextProblem(key);
      const atKey = message
        ? [{ path: [...path, key], message: `names a field that ${message}` }]
        : [];
      return [...atKey, ...findUnstorableText(item, [...path, key])];
    });
  }
  return [];
}
