import { finiteSum } from './finite-values.js';
import { meanWithoutOverflow } from './mean.js';

/**
 * The sample standard deviation s = √( Σ (xᵢ − x̄)² / (n − 1) ) (Bessel's correction, as
 * numpy's `std(ddof=1)`, pandas' `std()` and Excel's `STDEV.S`); `null` when n < 2. Computed in
 * two passes (the mean first) for numerical stability, and rescaled when values near ±1.8e308
would overflow. Throws `RangeError` naming `values` when
 * a value is not a finite number.
 *
 * @example standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]) // 2.138… (= √(32/7))
 */
export function standardDeviation(values: readonly number[]): number | null {
  const sum = finiteSum(values);
  const n = values.length;
  if (n < 2) return null;
  const deviation = sampleDeviation(values, sum / n);
  return Number.isFinite(deviation) ? deviation : scale(values);
}

/** √( Σ (xᵢ − x̄)² / (n − 1) ), the second of the two passes. */
function sampleDeviation(values: readonly number[], average: number): number {
  let squaredDeviations = 0;
  for (const value of values) squaredDeviations += (value - average) ** 2;
  return Math.sqrt(squaredDeviations / (values.length - 1));
}

/**
 * For values near ±1.8e308, where Σ xᵢ or (xᵢ − x̄)² overflows: s(x) = M · s(x / M) with
 * M = max |xᵢ|. Only a deviation that is itself beyond the largest double stays `Infinity`.
 */
function scale(values: readonly number[]): number {
  const largest = values.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
  const scaled = values.map((value) => value / largest);
  return largest * sampleDeviation(scaled, meanWithoutOverflow(scaled));
}
