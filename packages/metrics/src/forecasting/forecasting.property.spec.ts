import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { monteCarloHowMany, monteCarloWhen } from '../index.js';

const samples = fc
  .array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 30 })
  .filter((values) => values.some((value) => value > 0))
  .map((values) => Object.freeze(values) as number[]);
const seed = fc.integer();
const settings = { numRuns: 40 };

describe('Monte Carlo properties', () => {
  it('monteCarloWhen: the same seed gives the same result, and p50 ≤ p85 ≤ p95', () => {
    fc.assert(
      fc.property(samples, fc.integer({ min: 0, max: 60 }), seed, (daily, remaining, s) => {
        const input = { samples: daily, remaining, seed: s, trials: 500 };
        const result = monteCarloWhen(input);
        expect(monteCarloWhen(input)).toEqual(result);
        expect(result.unfinished).toBe(0);
        expect(result.p50).not.toBeNull();
        expect(result.p50 as number).toBeLessThanOrEqual(result.p85 as number);
        expect(result.p85 as number).toBeLessThanOrEqual(result.p95 as number);
      }),
      settings,
    );
  });

  it('monteCarloWhen: a constant throughput c gives exactly ⌈remaining / c⌉ days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 500 }),
        seed,
        (c, remaining, s) => {
          const days = Math.ceil(remaining / c);
          const result = monteCarloWhen({ samples: [c, c, c], remaining, seed: s, trials: 50 });
          expect([result.p50, result.p85, result.p95]).toEqual([days, days, days]);
          expect(result.distribution).toEqual([{ days, probability: 1 }]);
        },
      ),
      settings,
    );
  });

  it('monteCarloHowMany: the same seed gives the same result, and p50 ≥ p85 ≥ p95', () => {
    fc.assert(
      fc.property(samples, fc.integer({ min: 0, max: 60 }), seed, (daily, days, s) => {
        const input = { samples: daily, days, seed: s, trials: 500 };
        const result = monteCarloHowMany(input);
        expect(monteCarloHowMany(input)).toEqual(result);
        expect(result.p50).toBeGreaterThanOrEqual(result.p85);
        expect(result.p85).toBeGreaterThanOrEqual(result.p95);
      }),
      settings,
    );
  });

  it('monteCarloHowMany: a constant throughput c gives exactly c × days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 200 }),
        seed,
        (c, days, s) => {
          expect(monteCarloHowMany({ samples: [c], days, seed: s, trials: 50 })).toEqual({
            p50: c * days,
            p85: c * days,
            p95: c * days,
          });
        },
      ),
      settings,
    );
  });
});
