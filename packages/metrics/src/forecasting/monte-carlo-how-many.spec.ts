import { describe, expect, it } from '@jest/globals';
import { monteCarloHowMany } from '../index.js';

const frozen = (values: number[]): number[] => Object.freeze(values) as number[];

describe('monteCarloHowMany', () => {
  it('gives the exact answer for a constant throughput', () => {
    expect(monteCarloHowMany({ samples: frozen([3]), days: 10, seed: 7 })).toEqual({
      p50: 30,
      p85: 30,
      p95: 30,
    });
  });

  it('reads p85 as the 15th percentile of the totals (binomial check)', () => {
    // samples [0, 1] over 100 days: totals ~ Binomial(100, ½), mean 50, σ 5, so the 15th
    // percentile is ≈ 50 − 1.04σ ≈ 45 and the 5th ≈ 50 − 1.645σ ≈ 42.
    const result = monteCarloHowMany({ samples: frozen([0, 1]), days: 100, seed: 3 });
    expect(result.p50).toBeGreaterThanOrEqual(49);
    expect(result.p50).toBeLessThanOrEqual(51);
    expect(result.p85).toBeGreaterThanOrEqual(44);
    expect(result.p85).toBeLessThanOrEqual(46);
    expect(result.p95).toBeGreaterThanOrEqual(41);
    expect(result.p95).toBeLessThanOrEqual(43);
  });

  it('is reproducible with a seed and orders p50 ≥ p85 ≥ p95', () => {
    const input = Object.freeze({ samples: frozen([0, 2, 1, 0, 4]), days: 30, seed: 11 });
    const result = monteCarloHowMany(input);
    expect(monteCarloHowMany(input)).toEqual(result);
    expect(result.p50).toBeGreaterThanOrEqual(result.p85);
    expect(result.p85).toBeGreaterThanOrEqual(result.p95);
  });

  it('forecasts nothing from all-zero samples or zero days', () => {
    expect(monteCarloHowMany({ samples: [0, 0], days: 20, seed: 1 })).toEqual({
      p50: 0,
      p85: 0,
      p95: 0,
    });
    expect(monteCarloHowMany({ samples: [4], days: 0, seed: 1 })).toEqual({
      p50: 0,
      p85: 0,
      p95: 0,
    });
  });

  it('names samples, days, trials and seed when invalid', () => {
    expect(() => monteCarloHowMany({ samples: [], days: 5, seed: 1 })).toThrow(/samples/);
    expect(() => monteCarloHowMany({ samples: [1], days: 1.5, seed: 1 })).toThrow(/days/);
    expect(() => monteCarloHowMany({ samples: [1], days: 5, seed: 1, trials: -3 })).toThrow(
      /trials/,
    );
    expect(() => monteCarloHowMany({ samples: [1], days: 5, seed: Number.NaN })).toThrow(/seed/);
  });
});
