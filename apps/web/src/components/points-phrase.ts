import { formatPoints } from '../charts/figures';

/** The words are English, so English plural rules pick "point" or "points". */
const plural = new Intl.PluralRules('en');

/**
 * Points in words: "1 point", "0.5 points", "3 points" (rounded as every delivery figure is);
 * "unestimated" when there is none. The one place the word "point" is matched to its number.
 */
export function pointsPhrase(value: number | null): string {
  if (value === null) return 'unestimated';
  // The word agrees with the number shown: 1.04 is written "1", so it reads "1 point".
  const shown = Math.round(value * 10) / 10;
  return `${formatPoints(value)} ${plural.select(shown) === 'one' ? 'point' : 'points'}`;
}
