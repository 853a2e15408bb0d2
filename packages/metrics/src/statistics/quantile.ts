import { finiteCopy } from './finite-values.js';
import { nearestRankIndex } from './nearest-rank.js';

/**
 * How a quantile picks or interpolates between order statistics:
 * - `linear` — Hyndman & Fan (1996) type 7, the default of numpy, pandas, R and Excel's
 *   `PERCENTILE.INC`;
 * - `nearest-rank` — the smallest value with at least p·n values at or below it (Hyndman & Fan
 *   type 1, numpy's `inverted_cdf`).
 */
export type QuantileMethod = 'linear' | 'nearest-rank';

const METHODS: readonly QuantileMethod[] = ['linear', 'nearest-rank'];

/**
 * The p-quantile of `values` (0 ≤ p ≤ 1); `null` for an empty input.
 *
 * With x₍₁₎ ≤ … ≤ x₍ₙ₎ the sorted values:
 * - `linear` (default): h = (n − 1)·p, Q = x₍⌊h⌋+1₎ + (h − ⌊h⌋)·(x₍⌊h⌋+2₎ − x₍⌊h⌋+1₎) —
 *   Hyndman & Fan (1996) "Sample quantiles in statistical packages", type 7; numpy's default.
 * - `nearest-rank`: Q = x₍⌈p·n⌉₎, and x₍₁₎ when p = 0 (Hyndman & Fan type 1).
 *
 * Throws `RangeError` naming `p` when p is outside [0, 1], `method` when it is unknown and
 * `values` when a value is not a finite number. The input is not mutated.
 *
 * @example quantile([5, 5, 5, 5, 5, 4], 0.1) // 4.5
 * @example quantile([1, 2, 3, 4], 0.5, 'nearest-rank') // 2
 */
export function quantile(
  values: readonly number[],
  p: number,
  method: QuantileMethod = 'linear',
): number | null {
  assertProbability(p, 'p');
  assertMethod(method);
  if (values.length === 0) return null;
  return quantileOfSorted(finiteCopy(values).sort(), p, method);
}

/**
 * Several quantiles of `values` at once, sorting the values only once: `quantiles(v, [a, b])`
 * equals `[quantile(v, a), quantile(v, b)]`. `null` for an empty input. Same formulas, sources
 * and errors as `quantile` (a bad probability is named `ps[i]`).
 *
 * @example quantiles([1, 2, 3, 4, 5], [0.5, 0.85, 0.95]) // [3, 4.4, 4.8]
 */
export function quantiles(
  values: readonly number[],
  ps: readonly number[],
  method: QuantileMethod = 'linear',
): number[] | null {
  ps.forEach((p, index) => assertProbability(p, `ps[${index}]`));
  assertMethod(method);
  if (values.length === 0) return null;
  const sorted = finiteCopy(values).sort();
  return ps.map((p) => quantileOfSorted(sorted, p, method));
}

/** The quantile of already sorted, non-empty `sorted` values. Internal. */
export function quantileOfSorted(
  sorted: ArrayLike<number>,
  p: number,
  method: QuantileMethod,
): number {
  const n = sorted.length;
  if (method === 'nearest-rank') return sorted[nearestRankIndex(n, p)] as number;
  const h = (n - 1) * p;
  const lower = Math.floor(h);
  const upper = Math.min(lower + 1, n - 1);
  const below = sorted[lower] as number;
  const fraction = h - lower;
  if (fraction === 0) return below;
  const above = sorted[upper] as number;
  const spread = above - below;
  // Near ±1.8e308 the spread itself can overflow (and 0 × Infinity is NaN); interpolating the
  // other way round stays within [below, above].
  if (!Number.isFinite(spread)) return below * (1 - fraction) + above * fraction;
  return below + fraction * spread;
}

function assertProbability(p: number, argumentName: string): void {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new RangeError(`${argumentName} must be a number in [0, 1], got ${String(p)}`);
  }
}

function assertMethod(method: QuantileMethod): void {
  if (!METHODS.includes(method)) {
    throw new RangeError(`method must be 'linear' or 'nearest-rank', got ${String(method)}`);
  }
}
