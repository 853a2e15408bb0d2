/**
 * Checks shared by the Monte Carlo forecasts; each throws `RangeError` naming the argument.
 * Internal.
 */
export function dailySamples(samples: readonly number[]): Float64Array {
  if (!Array.isArray(samples) || samples.length === 0) {
    throw new RangeError('samples must be a non-empty array of daily throughputs');
  }
  const copy = new Float64Array(samples.length);
  for (let index = 0; index < samples.length; index++) {
    const sample: unknown = samples[index];
    if (typeof sample !== 'number' || !Number.isFinite(sample) || sample < 0) {
      throw new RangeError(`samples[${index}] must be a finite number ≥ 0, got ${String(sample)}`);
    }
    copy[index] = sample;
  }
  return copy;
}

export function positiveInteger(value: number, argumentName: string): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${argumentName} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

export function nonNegativeNumber(value: number, argumentName: string, integer = false): number {
  const valid = integer ? Number.isSafeInteger(value) : Number.isFinite(value);
  if (!valid || value < 0) {
    const kind = integer ? 'an integer' : 'a finite number';
    throw new RangeError(`${argumentName} must be ${kind} ≥ 0, got ${String(value)}`);
  }
  return value;
}
