import { formatNumber } from './format';

/** The words are English, so English plural rules pick "point" or "points". */
const plural = new Intl.PluralRules('en');

/**
 * An estimate in words: "1 point", "0.5 points", "3 points"; "unestimated" when there is none.
 * The one place the word "point" is matched to its number.
 */
export function pointsPhrase(value: number | null): string {
  if (value === null) return 'unestimated';
  return `${formatNumber(value)} ${plural.select(value) === 'one' ? 'point' : 'points'}`;
}
