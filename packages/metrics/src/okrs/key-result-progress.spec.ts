import { describe, expect, it } from '@jest/globals';
import { keyResultProgress } from '../index.js';

describe('keyResultProgress', () => {
  it('measures an increase from baseline to target, not clamped', () => {
    expect(
      keyResultProgress({ kind: 'increase', baseline: 20, target: 60, current: 50 }),
    ).toBeCloseTo(0.75, 12);
    expect(
      keyResultProgress({ kind: 'increase', baseline: 20, target: 60, current: 70 }),
    ).toBeCloseTo(1.25, 12);
    expect(
      keyResultProgress({ kind: 'increase', baseline: 20, target: 60, current: 12 }),
    ).toBeCloseTo(-0.2, 12);
  });

  it('measures a decrease from baseline to target, not clamped', () => {
    expect(
      keyResultProgress({ kind: 'decrease', baseline: 10, target: 5, current: 3.75 }),
    ).toBeCloseTo(1.25, 12);
    expect(
      keyResultProgress({ kind: 'decrease', baseline: 10, target: 5, current: 8 }),
    ).toBeCloseTo(0.4);
    expect(keyResultProgress({ kind: 'decrease', baseline: 10, target: 5, current: 10 })).toBe(0);
  });

  it('is null without a current value or when the target equals the baseline', () => {
    expect(
      keyResultProgress({ kind: 'increase', baseline: 1, target: 2, current: null }),
    ).toBeNull();
    expect(keyResultProgress({ kind: 'decrease', baseline: 2, target: 1 })).toBeNull();
    expect(keyResultProgress({ kind: 'increase', baseline: 5, target: 5, current: 7 })).toBeNull();
    expect(keyResultProgress({ kind: 'decrease', baseline: 5, target: 5, current: 3 })).toBeNull();
    expect(
      keyResultProgress({ kind: 'milestone', baseline: 0, target: 1, current: null }),
    ).toBeNull();
  });

  it('scores stay-above and stay-below as held (1) or not (0), boundary included', () => {
    expect(
      keyResultProgress({ kind: 'stay-above', baseline: 99, target: 99.5, current: 99.5 }),
    ).toBe(1);
    expect(
      keyResultProgress({ kind: 'stay-above', baseline: 99, target: 99.5, current: 99.4 }),
    ).toBe(0);
    expect(keyResultProgress({ kind: 'stay-below', baseline: 3, target: 3, current: 3 })).toBe(1);
    expect(keyResultProgress({ kind: 'stay-below', baseline: 3, target: 3, current: 3.1 })).toBe(0);
  });

  it('takes a milestone as done (1) or not (0)', () => {
    expect(keyResultProgress({ kind: 'milestone', baseline: 0, target: 1, current: 1 })).toBe(1);
    expect(keyResultProgress({ kind: 'milestone', baseline: 0, target: 1, current: 0 })).toBe(0);
  });

  it('rejects contradictory or invalid arguments with a RangeError naming them', () => {
    expect(() =>
      keyResultProgress({ kind: 'increase', baseline: 10, target: 5, current: 7 }),
    ).toThrow(/target/);
    expect(() =>
      keyResultProgress({ kind: 'decrease', baseline: 5, target: 10, current: 7 }),
    ).toThrow(/target/);
    expect(() =>
      keyResultProgress({ kind: 'milestone', baseline: 0, target: 1, current: 0.5 }),
    ).toThrow(/current/);
    expect(() =>
      keyResultProgress({ kind: 'increase', baseline: Number.NaN, target: 1, current: 0 }),
    ).toThrow(/baseline/);
    expect(() =>
      keyResultProgress({ kind: 'increase', baseline: 0, target: 1, current: Infinity }),
    ).toThrow(/current/);
    expect(() =>
      keyResultProgress({ kind: 'grow' as 'increase', baseline: 0, target: 1, current: 1 }),
    ).toThrow(/kind/);
  });

  it('does not mutate its input', () => {
    const measure = Object.freeze({
      kind: 'increase' as const,
      baseline: 0,
      target: 4,
      current: 1,
    });
    expect(keyResultProgress(measure)).toBeCloseTo(0.25, 12);
  });
});
