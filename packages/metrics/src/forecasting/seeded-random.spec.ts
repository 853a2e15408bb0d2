import { describe, expect, it } from '@jest/globals';
import { seededRandom } from '../index.js';

const draw = (seed: number, count: number): number[] => {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => random());
};

describe('seededRandom (sfc32)', () => {
  it('never changes its sequence: forecasts users have seen must stay reproducible', () => {
    const [first, second, third] = draw(42, 3);
    expect(first).toBeCloseTo(0.6642114536371082, 15);
    expect(second).toBeCloseTo(0.9630267398897558, 15);
    expect(third).toBeCloseTo(0.262362563284114, 15);
  });

  it('gives the same sequence for the same seed and another for another seed', () => {
    expect(draw(7, 50)).toEqual(draw(7, 50));
    expect(draw(7, 50)).not.toEqual(draw(8, 50));
    expect(draw(2 ** 40 + 7, 5)).not.toEqual(draw(7, 5));
  });

  it('returns numbers in [0, 1) spread evenly', () => {
    const values = draw(123, 20_000);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    const average = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(average).toBeCloseTo(0.5, 1);
  });

  it('names seed unless it is a safe integer', () => {
    expect(() => seededRandom(1.5)).toThrow(RangeError);
    expect(() => seededRandom(Number.NaN)).toThrow(/seed/);
  });
});
