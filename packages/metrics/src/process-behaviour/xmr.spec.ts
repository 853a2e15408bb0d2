import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { xmr, type XmrRule } from '../index.js';

// mean 10, mR̄ = (2 + 4 + 2 + 2 + 4) / 5 = 2.8: limits 10 ± 7.448, zone lines 10 ± 3.724,
// upper range limit 9.1504.
const baseline = [10, 12, 8, 10, 12, 8];

describe('xmr', () => {
  it('computes limits and signals for the doc example', () => {
    const chart = xmr(Object.freeze([5, 7, 6, 8, 6, 7, 5, 20]), { lowerBound: 0 })!;
    expect(chart.mean).toBe(8);
    expect(chart.averageMovingRange).toBeCloseTo(25 / 7);
    expect(chart.upperLimit).toBeCloseTo(17.5);
    expect(chart.lowerLimit).toBeNull();
    expect(chart.upperRangeLimit).toBeCloseTo(3.268 * (25 / 7));
    expect(chart.movingRanges).toEqual([2, 1, 2, 2, 1, 2, 15]);
    expect(chart.signals).toEqual([
      { index: 7, rule: 'beyond-limits' },
      { index: 7, rule: 'range-beyond-limit' },
    ]);
  });

  it('reproduces a hand-computed chart', () => {
    // mean 23 / 5 = 4.6; moving ranges 2, 1, 2, 1 → mR̄ 1.5; limits 4.6 ± 3.99; URL 4.902
    const chart = xmr([3, 5, 4, 6, 5])!;
    expect(chart.mean).toBeCloseTo(4.6, 12);
    expect(chart.averageMovingRange).toBeCloseTo(1.5, 12);
    expect(chart.upperLimit).toBeCloseTo(8.59, 12);
    expect(chart.lowerLimit).toBeCloseTo(0.61, 12);
    expect(chart.upperRangeLimit).toBeCloseTo(4.902, 12);
    expect(chart.movingRanges).toEqual([2, 1, 2, 1]);
    expect(chart.signals).toEqual([]);
    expect(xmr([3, 5, 4, 6, 5], { lowerBound: 1 })!.lowerLimit).toBeNull(); // 0.61 < 1
  });

  it('keeps the lower limit when no lower bound is given or it stays above it', () => {
    const chart = xmr([5, 7, 6, 8, 6, 7, 5, 20])!;
    expect(chart.lowerLimit).toBeCloseTo(-1.5);
    expect(xmr(baseline, { lowerBound: 0 })!.lowerLimit).toBeCloseTo(10 - 2.66 * 2.8);
  });

  it('is null with fewer than two values and works with two', () => {
    expect(xmr([])).toBeNull();
    expect(xmr([4])).toBeNull();
    expect(xmr([4, 6])).toMatchObject({
      mean: 5,
      averageMovingRange: 2,
      movingRanges: [2],
      signals: [],
    });
  });

  it('takes limits from the first baselineCount values and checks every value', () => {
    const chart = xmr([...baseline, 18, 2], { baselineCount: 6 })!;
    expect(chart.mean).toBe(10);
    expect(chart.averageMovingRange).toBeCloseTo(2.8);
    expect(chart.upperLimit).toBeCloseTo(17.448);
    expect(chart.lowerLimit).toBeCloseTo(2.552);
    expect(chart.movingRanges).toEqual([2, 4, 2, 2, 4, 10, 16]);
    expect(chart.signals).toEqual([
      { index: 6, rule: 'beyond-limits' },
      { index: 6, rule: 'range-beyond-limit' },
      { index: 7, rule: 'beyond-limits' },
      { index: 7, rule: 'range-beyond-limit' },
    ]);
    // A baseline longer than the series uses all of it.
    expect(xmr([1, 3, 5], { baselineCount: 10 })!.mean).toBe(3);
  });

  it('reports three of four beyond the zone line at the fourth value, on either side', () => {
    const above = xmr([...baseline, 14, 9, 14, 14, 10], { baselineCount: 6 })!;
    expect(above.signals).toEqual([{ index: 9, rule: 'three-of-four' }]);
    const below = xmr([...baseline, 6, 11, 6, 6], { baselineCount: 6 })!;
    expect(below.signals).toEqual([{ index: 9, rule: 'three-of-four' }]);
  });

  it('reports a run of eight at the eighth value and every value continuing it', () => {
    const chart = xmr([...baseline, 11, 11, 11, 11, 11, 11, 11, 11, 11, 10, 11], {
      baselineCount: 6,
    })!;
    expect(chart.signals).toEqual([
      { index: 13, rule: 'run-of-eight' },
      { index: 14, rule: 'run-of-eight' },
    ]);
  });

  it('breaks a run at a value exactly on the mean', () => {
    const chart = xmr([...baseline, 11, 11, 11, 11, 10, 11, 11, 11, 11], { baselineCount: 6 })!;
    expect(chart.signals).toEqual([]);
  });

  it('flags every different value when the baseline has no variation', () => {
    const chart = xmr([5, 5, 5, 6], { baselineCount: 3 })!;
    expect(chart).toMatchObject({ mean: 5, averageMovingRange: 0, upperLimit: 5, lowerLimit: 5 });
    expect(chart.signals).toEqual([
      { index: 3, rule: 'beyond-limits' },
      { index: 3, rule: 'range-beyond-limit' },
    ]);
  });

  it('rejects invalid arguments with a RangeError naming them', () => {
    expect(() => xmr([1, 2, 3], { baselineCount: 1 })).toThrow(/baselineCount/);
    expect(() => xmr([1, 2, 3], { baselineCount: 2.5 })).toThrow(/baselineCount/);
    expect(() => xmr([1, Number.NaN])).toThrow(/values\[1\]/);
    expect(() => xmr([1, 2], { lowerBound: Infinity })).toThrow(/lowerBound/);
  });

  it('orders signals by index, then rule, one entry per rule (property)', () => {
    const order: XmrRule[] = [
      'beyond-limits',
      'three-of-four',
      'run-of-eight',
      'range-beyond-limit',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 2, maxLength: 60 }),
        (values) => {
          const { signals } = xmr(values)!;
          for (let i = 1; i < signals.length; i++) {
            const previous = signals[i - 1]!;
            const current = signals[i]!;
            expect(
              previous.index < current.index ||
                (previous.index === current.index &&
                  order.indexOf(previous.rule) < order.indexOf(current.rule)),
            ).toBe(true);
          }
        },
      ),
    );
  });
});
