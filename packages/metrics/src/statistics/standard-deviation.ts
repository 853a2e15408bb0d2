import { finiteSum } from './finite-values.js';

/**
 * The sample standard deviation s = √( Σ (xᵢ − x̄)² / (n − 1) ) (Bessel's correction, as
 * numpy's `std(ddof=1)`, pandas' `std()` and Excel's `STDEV.S`); `null` when n < 2. Computed in
 * two passes (the mean first) for numerical stability. Throws `RangeError` naming `values` when
 * a value is not a finite number.
 *
 * @example standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]) // 2.138… (= √(32/7))
 */
export function standardDeviation(values: readonly number[]): number | null {
  const sum = finiteSum(values);
  const n = values.length;
  if (n < 2) return null;
  const average = sum / n;
  let squaredDeviations = 0;
  for (const value of values) squaredDeviations += (value - average) ** 2;
  return Math.sqrt(squaredDeviations / (n - 1));
}
