import { describe, expect, it } from '@jest/globals';
import { mean } from '../index.js';

describe('mean', () => {
  it('averages the values', () => {
    expect(mean(Object.freeze([13, 10, 17, 26, 23]) as number[])).toBeCloseTo(17.8, 12);
    expect(mean([-2, 2])).toBe(0);
    expect(mean([4])).toBe(4);
  });

  it('stays finite when the sum of finite values would overflow', () => {
    const largest = Number.MAX_VALUE;
    expect((mean([largest, largest]) as number) / largest).toBeCloseTo(1, 12);
    expect((mean([largest, largest, -largest]) as number) / largest).toBeCloseTo(1 / 3, 12);
  });

  it('returns null for an empty input', () => {
    expect(mean([])).toBeNull();
  });

  it('names values when one is not finite', () => {
    expect(() => mean([1, Number.NaN])).toThrow(RangeError);
    expect(() => mean([1, Number.NaN])).toThrow(/values\[1\]/);
  });
});
