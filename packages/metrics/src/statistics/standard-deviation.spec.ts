import { describe, expect, it } from '@jest/globals';
import { standardDeviation } from '../index.js';

describe('standardDeviation (sample, n − 1)', () => {
  it('matches numpy.std(ddof=1)', () => {
    expect(standardDeviation(Object.freeze([2, 4, 4, 4, 5, 5, 7, 9]) as number[])).toBeCloseTo(
      Math.sqrt(32 / 7),
      12,
    );
    expect(standardDeviation([13, 10, 17, 26, 23])).toBeCloseTo(Math.sqrt(178.8 / 4), 10);
    expect(standardDeviation([5, 5, 5])).toBe(0);
  });

  it('stays accurate for large values with a small spread', () => {
    expect(standardDeviation([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])).toBeCloseTo(Math.sqrt(30), 6);
  });

  it('rescales instead of overflowing for values near the largest double', () => {
    const huge = 1e300;
    // s([1, 3, 5] × 1e300) = 2 × 1e300, although (x − x̄)² overflows
    expect((standardDeviation([huge, 3 * huge, 5 * huge]) as number) / huge).toBeCloseTo(2, 10);
    expect(
      (standardDeviation([Number.MAX_VALUE, Number.MAX_VALUE / 2]) as number) / Number.MAX_VALUE,
    ).toBeCloseTo(Math.SQRT1_2 / 2, 10);
  });

  it('returns null when n < 2', () => {
    expect(standardDeviation([])).toBeNull();
    expect(standardDeviation([3])).toBeNull();
  });

  it('names values when one is not finite', () => {
    expect(() => standardDeviation([1, Number.NaN, 3])).toThrow(/values\[1\]/);
  });
});
