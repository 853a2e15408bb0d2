import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mean, quantile, quantiles, standardDeviation, type QuantileMethod } from '../index.js';

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const values = fc.array(finite, { minLength: 1, maxLength: 60 });
const probability = fc.double({ min: 0, max: 1, noNaN: true });
const method = fc.constantFrom<QuantileMethod>('linear', 'nearest-rank');

describe('statistics properties', () => {
  it('quantile is non-decreasing in p and stays within [min, max]', () => {
    fc.assert(
      fc.property(values, probability, probability, method, (xs, p1, p2, how) => {
        const input = Object.freeze([...xs]) as number[];
        const [low, high] = p1 <= p2 ? [p1, p2] : [p2, p1];
        const qLow = quantile(input, low, how) as number;
        const qHigh = quantile(input, high, how) as number;
        const tolerance = 1e-9 * Math.max(1, Math.abs(qLow), Math.abs(qHigh));
        expect(qLow).toBeLessThanOrEqual(qHigh + tolerance);
        expect(qLow).toBeGreaterThanOrEqual(Math.min(...xs) - tolerance);
        expect(qHigh).toBeLessThanOrEqual(Math.max(...xs) + tolerance);
      }),
    );
  });

  it('quantiles agrees with quantile at every p', () => {
    fc.assert(
      fc.property(values, fc.array(probability, { maxLength: 5 }), method, (xs, ps, how) => {
        expect(quantiles(xs, ps, how)).toEqual(ps.map((p) => quantile(xs, p, how)));
      }),
    );
  });

  it('the mean lies within [min, max] and the standard deviation is ≥ 0', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const average = mean(xs) as number;
        expect(average).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-6);
        expect(average).toBeLessThanOrEqual(Math.max(...xs) + 1e-6);
        const deviation = standardDeviation(xs);
        if (xs.length < 2) expect(deviation).toBeNull();
        else expect(deviation).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
