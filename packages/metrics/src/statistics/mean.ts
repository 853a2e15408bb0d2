import { finiteSum } from './finite-values.js';

/**
 * The arithmetic mean x̄ = (Σ xᵢ) / n; `null` for an empty input. Throws `RangeError` naming
 * `values` when a value is not a finite number.
 *
 * @example mean([13, 10, 17, 26, 23]) // 17.8
 */
export function mean(values: readonly number[]): number | null {
  const sum = finiteSum(values);
  return values.length === 0 ? null : sum / values.length;
}
