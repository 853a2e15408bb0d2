import { finiteSum } from './finite-values.js';

/**
 * The arithmetic mean x̄ = (Σ xᵢ) / n (as numpy's `mean`, pandas' `mean()` and Excel's
 * `AVERAGE`); `null` for an empty input. When Σ xᵢ of values near ±1.8e308 would overflow it is
 * taken as Σ (xᵢ / n) instead, so the result is never `Infinity`. Throws `RangeError` naming
 * `values` when a value is not a finite number.
 *
 * @example mean([13, 10, 17, 26, 23]) // 17.8
 */
export function mean(values: readonly number[]): number | null {
  const sum = finiteSum(values);
  const n = values.length;
  if (n === 0) return null;
  const average = sum / n;
  return Number.isFinite(average) ? average : meanWithoutOverflow(values);
}

/**
 * Σ (xᵢ / n): slower and slightly less exact, but finite when Σ xᵢ overflows (values near
 * ±1.8e308), so the mean of finite numbers is never `Infinity`. Internal.
 */
export function meanWithoutOverflow(values: readonly number[]): number {
  let average = 0;
  for (const value of values) average += value / values.length;
  return average;
}
