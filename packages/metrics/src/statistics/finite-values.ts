/**
 * Copies `values` into a `Float64Array`, throwing `RangeError` naming `argumentName` at the first
 * value that is not a finite number (a `NaN` would otherwise poison every statistic silently).
 * The copy is what gets sorted, so the caller's array is never mutated. Internal.
 */
export function finiteCopy(values: readonly number[], argumentName = 'values'): Float64Array {
  if (!Array.isArray(values)) {
    throw new RangeError(`${argumentName} must be an array of finite numbers`);
  }
  const copy = new Float64Array(values.length);
  for (let index = 0; index < values.length; index++) {
    const value: unknown = values[index];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new RangeError(
        `${argumentName}[${index}] must be a finite number, got ${String(value)}`,
      );
    }
    copy[index] = value;
  }
  return copy;
}

/** Σ xᵢ, throwing `RangeError` naming `argumentName` at the first non-finite value. Internal. */
export function finiteSum(values: readonly number[], argumentName = 'values'): number {
  if (!Array.isArray(values)) {
    throw new RangeError(`${argumentName} must be an array of finite numbers`);
  }
  let sum = 0;
  for (let index = 0; index < values.length; index++) {
    const value: unknown = values[index];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new RangeError(
        `${argumentName}[${index}] must be a finite number, got ${String(value)}`,
      );
    }
    sum += value;
  }
  return sum;
}
