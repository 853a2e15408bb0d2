import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { xmr, xmrPointReadings, xmrWithRecalculation } from '../index.js';

// 20 values around 10 without a run: mean 10, mR̄ = 24 / 19, limits 10 ± 3.36, range limit 4.13.
const steady = [10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 10];

describe('xmrPointReadings', () => {
  it('gives each value its limits, its rules and how long its first rule has held', () => {
    // 30 and 31 lie above 13.36; the jump 10 → 30 is a moving range above 4.13.
    const chart = xmrWithRecalculation([...steady, 30, 31])!;
    const readings = xmrPointReadings(chart);
    const limits = xmr(steady)!;
    expect(readings).toHaveLength(22);
    expect(readings[0]).toEqual({
      mean: 10,
      lowerLimit: limits.lowerLimit,
      upperLimit: limits.upperLimit,
      rules: [],
      run: 0,
    });
    expect(readings[20]).toMatchObject({ rules: ['beyond-limits', 'range-beyond-limit'], run: 1 });
    // Beyond the limits two values running: the second has run 2.
    expect(readings[21]).toMatchObject({ rules: ['beyond-limits'], run: 2 });
  });

  it('reads each value against its own segment after a shift', () => {
    const values = [10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 20, 21, 19, 20, 21, 19, 20, 21, 19, 20];
    const chart = xmrWithRecalculation(values)!;
    const readings = xmrPointReadings(chart);
    expect(readings.slice(0, 10).every(({ mean }) => mean === 10)).toBe(true);
    expect(readings.slice(10).every(({ mean }) => mean === 20)).toBe(true);
    expect(readings[17]).toMatchObject({ rules: ['run-of-eight'], run: 1 });
    expect(readings.filter(({ rules }) => rules.length > 0)).toHaveLength(1);
  });

  it('agrees with the chart for any series: its segments, its signals, and runs that count', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 80 }),
        (values) => {
          const chart = xmrWithRecalculation(values)!;
          const readings = xmrPointReadings(chart);
          expect(readings).toHaveLength(values.length);
          for (const segment of chart.segments) {
            for (let index = segment.start; index <= segment.end; index++) {
              expect(readings[index]!.mean).toBe(segment.mean);
              expect(readings[index]!.upperLimit).toBe(segment.upperLimit);
            }
          }
          expect(
            readings.flatMap(({ rules }, index) => rules.map((rule) => ({ index, rule }))),
          ).toEqual(chart.signals);
          readings.forEach(({ rules, run }, index) => {
            const first = rules[0];
            if (first === undefined) return expect(run).toBe(0);
            const before = readings[index - 1];
            const held = before?.rules.includes(first) ?? false;
            // The run one value back of the same rule, plus this value.
            let expected = 1;
            for (let back = index - 1; back >= 0 && readings[back]!.rules.includes(first); back--)
              expected++;
            expect(run).toBe(expected);
            expect(run > 1).toBe(held);
          });
        },
      ),
    );
  });
});
