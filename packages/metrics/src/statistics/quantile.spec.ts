import { describe, expect, it } from '@jest/globals';
import { quantile, quantiles } from '../index.js';

const frozen = (values: number[]): number[] => Object.freeze(values) as number[];

describe('quantile (linear, Hyndman & Fan type 7)', () => {
  it("matches the spec's example", () => {
    expect(quantile(frozen([5, 5, 5, 5, 5, 4]), 0.1)).toBeCloseTo(4.5, 12);
  });

  it('matches numpy.percentile', () => {
    const oneToTen = frozen([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(quantile(oneToTen, 0.85)).toBeCloseTo(8.65, 12); // np.percentile(range(1, 11), 85)
    expect(quantile(oneToTen, 0.5)).toBeCloseTo(5.5, 12);
    expect(quantile(oneToTen, 0)).toBe(1);
    expect(quantile(oneToTen, 1)).toBe(10);
    expect(quantile(frozen([7]), 0.3)).toBe(7);
  });

  it('sorts a copy and leaves the input as it was', () => {
    const values = frozen([3, 1, 2]);
    expect(quantile(values, 0.5)).toBe(2);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('quantile, hand-computed', () => {
  it('interpolates between neighbours (type 7) and picks ranks (nearest-rank)', () => {
    const quartiles = frozen([4, 1, 3, 2]);
    expect(quantile(quartiles, 0.25)).toBeCloseTo(1.75, 12); // h = 0.75: 1 + 0.75 × (2 − 1)
    expect(quantile(quartiles, 0.75)).toBeCloseTo(3.25, 12); // h = 2.25
    expect(quantile(quartiles, 0.25, 'nearest-rank')).toBe(1); // ⌈1⌉ = 1st
    expect(quantile(quartiles, 0.26, 'nearest-rank')).toBe(2); // ⌈1.04⌉ = 2nd
    expect(quantile(frozen([-3, 7]), 0.4)).toBeCloseTo(1, 12); // −3 + 0.4 × 10
  });

  it('stays finite at the edges of the double range', () => {
    const extremes = frozen([-Number.MAX_VALUE, Number.MAX_VALUE]);
    expect(quantile(extremes, 0)).toBe(-Number.MAX_VALUE);
    expect(quantile(extremes, 1)).toBe(Number.MAX_VALUE);
    expect(quantile(extremes, 0.5)).toBeCloseTo(0, 12);
  });
});

describe('quantile (nearest-rank)', () => {
  // Wikipedia, "Percentile", nearest-rank method worked example.
  const values = frozen([15, 20, 35, 40, 50]);

  it('returns x₍⌈p·n⌉₎ and the minimum at p = 0', () => {
    expect(quantile(values, 0.05, 'nearest-rank')).toBe(15);
    expect(quantile(values, 0.3, 'nearest-rank')).toBe(20);
    expect(quantile(values, 0.4, 'nearest-rank')).toBe(20);
    expect(quantile(values, 0.5, 'nearest-rank')).toBe(35);
    expect(quantile(values, 1, 'nearest-rank')).toBe(50);
    expect(quantile(values, 0, 'nearest-rank')).toBe(15);
  });

  it('is not thrown off by floating-point noise in p·n', () => {
    const oneToHundred = frozen(Array.from({ length: 100 }, (_, index) => index + 1));
    // 0.07 × 100 = 7.000000000000001 in binary floating point
    expect(quantile(oneToHundred, 0.07, 'nearest-rank')).toBe(7);
    expect(quantile(oneToHundred, 0.29, 'nearest-rank')).toBe(29);
  });
});

describe('quantile errors and empty input', () => {
  it('returns null for an empty input', () => {
    expect(quantile(frozen([]), 0.5)).toBeNull();
    expect(quantile(frozen([]), 0.5, 'nearest-rank')).toBeNull();
  });

  it('names p when it is outside [0, 1]', () => {
    expect(() => quantile([1, 2], 1.5)).toThrow(RangeError);
    expect(() => quantile([1, 2], -0.1)).toThrow(/\bp\b/);
    expect(() => quantile([1, 2], Number.NaN)).toThrow(/\bp\b/);
    expect(() => quantile([], 2)).toThrow(/\bp\b/);
  });

  it('names values when one is not finite, and method when unknown', () => {
    expect(() => quantile([1, Number.NaN], 0.5)).toThrow(/values\[1\]/);
    expect(() => quantile([1, Number.POSITIVE_INFINITY], 0.5)).toThrow(RangeError);
    expect(() => quantile([1], 0.5, 'median' as 'linear')).toThrow(/method/);
  });
});

describe('quantiles', () => {
  it('equals quantile at each p, sorting once', () => {
    const values = frozen([1, 2, 3, 4, 5]);
    const result = quantiles(values, frozen([0.5, 0.85, 0.95]));
    expect(result).toHaveLength(3);
    expect(result?.[0]).toBeCloseTo(3, 12);
    expect(result?.[1]).toBeCloseTo(4.4, 12);
    expect(result?.[2]).toBeCloseTo(4.8, 12);
    expect(quantiles(values, [0.3], 'nearest-rank')).toEqual([2]);
  });

  it('returns null for an empty input and names a bad probability', () => {
    expect(quantiles([], [0.5])).toBeNull();
    expect(() => quantiles([1], [0.5, 7])).toThrow(/ps\[1\]/);
  });
});
