import { describe, expect, it } from '@jest/globals';
import { keyResultProgress, okrScore } from '../index.js';

describe('okrScore', () => {
  it('clamps to [0, 1] and rounds to one decimal (doc example)', () => {
    expect(okrScore(0.66)).toBe(0.7);
    expect(okrScore(1.25)).toBe(1);
    expect(okrScore(-0.3)).toBe(0);
    expect(okrScore(0.04)).toBe(0);
  });

  it('rounds halves up, including ones that floating point stores just below', () => {
    expect(okrScore(0.35)).toBe(0.4);
    expect(okrScore(0.05)).toBe(0.1);
    // (0.95 − 0.3) / (1.3 − 0.3) is 0.65 on paper and 0.6499999999999999 in floating point.
    const progress = keyResultProgress({
      kind: 'increase',
      baseline: 0.3,
      target: 1.3,
      current: 0.95,
    });
    expect(progress).toBeLessThan(0.65);
    expect(okrScore(progress)).toBe(0.7);
  });

  it('passes null through and rejects non-finite progress', () => {
    expect(okrScore(null)).toBeNull();
    expect(() => okrScore(Number.NaN)).toThrow(/progress/);
  });
});
