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

/**
 * Text fit for Postgres: NUL characters removed (a `text` column refuses them) and cut at
 * `max` characters.
 */
export function cleanText(text: string, max: number): string {
  const clean = text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
  return clean.length > max ? clean.slice(0, max) : clean;
}
