import { closest, distance } from 'fastest-levenshtein';

/**
 * The known name closest to a misspelt one, if it is close enough to be what was meant: at most
 * a third of the word's letters differ (case ignored), so `vale` suggests `value` but `xyz`
 * suggests nothing.
 */
export function didYouMean(written: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const lower = written.toLowerCase();
  const candidate = closest(
    lower,
    known.map((name) => name.toLowerCase()),
  );
  const match = known.find((name) => name.toLowerCase() === candidate);
  if (match === undefined) return undefined;
  return distance(lower, candidate) <= Math.max(1, Math.floor(written.length / 3))
    ? match
    : undefined;
}
