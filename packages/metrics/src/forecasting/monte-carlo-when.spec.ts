import { describe, expect, it } from '@jest/globals';
import { monteCarloWhen } from '../index.js';

const frozen = (values: number[]): number[] => Object.freeze(values) as number[];

describe('monteCarloWhen', () => {
  it('gives the exact answer for a constant throughput', () => {
    expect(monteCarloWhen({ samples: frozen([2]), remaining: 10, seed: 1 })).toEqual({
      trials: 10_000,
      p50: 5,
      p85: 5,
      p95: 5,
      distribution: [{ days: 5, probability: 1 }],
      unfinished: 0,
    });
    expect(monteCarloWhen({ samples: frozen([3]), remaining: 10, seed: 1, trials: 10 }).p85).toBe(
      4,
    );
  });

  it('matches the geometric distribution of a coin-flip throughput', () => {
    // samples [0, 1], one item left: P(done within k days) = 1 − 2⁻ᵏ, so 85 % finish within
    // 3 days (87.5 %) but not 2 (75 %), and 95 % within 5 days (96.9 %) but not 4 (93.8 %).
    const result = monteCarloWhen({ samples: frozen([0, 1]), remaining: 1, seed: 2024 });
    expect(result.p85).toBe(3);
    expect(result.p95).toBe(5);
    const firstDay = result.distribution.find(({ days }) => days === 1);
    expect(firstDay?.probability).toBeCloseTo(0.5, 1);
  });

  it('is reproducible with a seed', () => {
    const input = Object.freeze({ samples: frozen([0, 1, 3, 0, 2, 5]), remaining: 40, seed: 99 });
    expect(monteCarloWhen(input)).toEqual(monteCarloWhen(input));
    expect(input.samples).toEqual([0, 1, 3, 0, 2, 5]);
  });

  it('returns probabilities that, with the unfinished share, sum to 1', () => {
    const result = monteCarloWhen({
      samples: frozen([0, 0, 0, 1]),
      remaining: 5,
      seed: 5,
      trials: 2000,
      maxDays: 20,
    });
    const finishedShare = result.distribution.reduce(
      (sum, { probability }) => sum + probability,
      0,
    );
    expect(finishedShare + result.unfinished / result.trials).toBeCloseTo(1, 10);
    expect(result.unfinished).toBeGreaterThan(0);
    expect(result.distribution.every(({ days }) => days >= 5 && days <= 20)).toBe(true);
  });

  it('reports null percentiles when too many trials hit maxDays', () => {
    const result = monteCarloWhen({
      samples: frozen([0, 0, 0, 1]),
      remaining: 1000,
      seed: 3,
      trials: 100,
      maxDays: 10,
    });
    expect(result).toEqual({
      trials: 100,
      p50: null,
      p85: null,
      p95: null,
      distribution: [],
      unfinished: 100,
    });
  });

  it('handles a maxDays far beyond what any trial needs', () => {
    // sized up front, the histogram for maxDays = 10¹⁰ could not even be allocated
    const result = monteCarloWhen({ samples: [1], remaining: 5, seed: 1, maxDays: 1e10 });
    expect(result.p95).toBe(5);
    const slow = monteCarloWhen({
      samples: [0, 0, 0, 1],
      remaining: 2000,
      seed: 4,
      trials: 50,
      maxDays: 100_000,
    });
    expect(slow.unfinished).toBe(0);
    expect(slow.p50 as number).toBeGreaterThan(7000); // ≈ 8000 days, beyond the first 4096
    expect(slow.distribution.reduce((sum, { probability }) => sum + probability, 0)).toBeCloseTo(
      1,
      10,
    );
  });

  it('needs no days when nothing remains', () => {
    expect(monteCarloWhen({ samples: [1], remaining: 0, seed: 1, trials: 3 }).p95).toBe(0);
  });

  it('throws a RangeError naming samples when every sample is zero or there are none', () => {
    expect(() => monteCarloWhen({ samples: frozen([0, 0, 0]), remaining: 5, seed: 1 })).toThrow(
      RangeError,
    );
    expect(() => monteCarloWhen({ samples: [0, 0], remaining: 5, seed: 1 })).toThrow(/samples/);
    expect(() => monteCarloWhen({ samples: [], remaining: 5, seed: 1 })).toThrow(/samples/);
    expect(() => monteCarloWhen({ samples: [1, -1], remaining: 5, seed: 1 })).toThrow(
      /samples\[1\]/,
    );
  });

  it('names remaining, trials, maxDays and seed when invalid', () => {
    expect(() => monteCarloWhen({ samples: [1], remaining: -1, seed: 1 })).toThrow(/remaining/);
    expect(() => monteCarloWhen({ samples: [1], remaining: 1, seed: 1, trials: 0 })).toThrow(
      /trials/,
    );
    expect(() => monteCarloWhen({ samples: [1], remaining: 1, seed: 1, maxDays: 2.5 })).toThrow(
      /maxDays/,
    );
    expect(() => monteCarloWhen({ samples: [1], remaining: 1, seed: 0.5 })).toThrow(/seed/);
  });
});
