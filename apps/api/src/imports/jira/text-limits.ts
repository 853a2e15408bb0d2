/** Longest values the database columns take; longer ones are refused or shortened on reading. */
export const LIMITS = {
  key: 255,
  status: 255,
  type: 100,
  title: 10_000,
  sprintName: 255,
  sprintId: 64,
  goal: 2_000,
} as const;

/** Half of a UTF-16 pair without its partner (the `u` flag reads a whole pair as one). */
const LONE_SURROGATE = /\p{Cs}/gu;

/**
 * Text fit for Postgres: NUL characters removed (a `text` column refuses them), a lone surrogate
 * (which `jsonb` refuses, and UTF-8 cannot encode) replaced by U+FFFD as a decoder does with
 * broken bytes, and cut at `max` characters.
 */
export function cleanText(text: string, max: number): string {
  const withoutNul = text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
  const clean = withoutNul.replace(LONE_SURROGATE, '\uFFFD');
  return clean.length > max ? clean.slice(0, max) : clean;
}
