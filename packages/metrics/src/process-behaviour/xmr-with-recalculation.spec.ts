import { describe, expect, it } from '@jest/globals';
import { xmr, xmrWithRecalculation } from '../index.js';

// 20 values around 10 without a run: mean 10, mR̄ = 24 / 19, limits 10 ± 3.36.
const steady = [10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 10];
const limitsOf = (values: readonly number[]) => {
  const chart = xmr(values)!;
  return {
    mean: chart.mean,
    averageMovingRange: chart.averageMovingRange,
    upperLimit: chart.upperLimit,
    lowerLimit: chart.lowerLimit,
    upperRangeLimit: chart.upperRangeLimit,
  };
};

describe('xmrWithRecalculation', () => {
  it('splits the doc example at the shift and reports it once, where it became evident', () => {
    const values = Object.freeze([
      10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 20, 21, 19, 20, 21, 19, 20, 21, 19, 20,
    ]);
    const chart = xmrWithRecalculation(values)!;
    expect(chart.segments).toEqual([
      {
        start: 0,
        end: 9,
        baselineCount: 10,
        provisional: true,
        shift: null,
        ...limitsOf(values.slice(0, 10)),
      },
      {
        start: 10,
        end: 19,
        baselineCount: 10,
        provisional: true,
        shift: { direction: 'up', detectedAt: 17 },
        ...limitsOf(values.slice(10)),
      },
    ]);
    expect(chart.segments[0]?.mean).toBe(10);
    expect(chart.segments[1]?.mean).toBe(20);
    expect(chart.movingRanges).toEqual(xmr(values)!.movingRanges);
    expect(chart.signals).toEqual([{ index: 17, rule: 'run-of-eight' }]);
    expect(chart.status).toBe('signal');
    expect(chart.recentSignal).toEqual({ index: 17, rules: ['run-of-eight'] });
  });

  it('is one segment equal to xmr on the first 20 values when nothing shifts', () => {
    const values = [...steady, 11, 9, 16, 10, 11];
    const chart = xmrWithRecalculation(values)!;
    const plain = xmr(values, { baselineCount: 20 })!;
    expect(chart.segments).toEqual([
      {
        start: 0,
        end: 24,
        baselineCount: 20,
        provisional: false,
        shift: null,
        mean: plain.mean,
        averageMovingRange: plain.averageMovingRange,
        upperLimit: plain.upperLimit,
        lowerLimit: plain.lowerLimit,
        upperRangeLimit: plain.upperRangeLimit,
      },
    ]);
    expect(chart.signals).toEqual(plain.signals);
    // 16 is beyond 13.36 and jumps 7 (> 3.268 · mR̄ ≈ 4.13); the fall back to 10 jumps 6.
    expect(chart.signals).toEqual([
      { index: 22, rule: 'beyond-limits' },
      { index: 22, rule: 'range-beyond-limit' },
      { index: 23, rule: 'range-beyond-limit' },
    ]);
    expect(chart.status).toBe('signal');
    expect(chart.recentSignal).toEqual({ index: 23, rules: ['range-beyond-limit'] });
  });

  it('reports a long shift once, where xmr flags every value of the run against old limits', () => {
    const values = [...steady, ...Array.from({ length: 40 }, (_, index) => (index % 2 ? 31 : 29))];
    const plain = xmr(values, { baselineCount: 20 })!;
    expect(plain.signals.filter(({ rule }) => rule === 'beyond-limits')).toHaveLength(40);
    const chart = xmrWithRecalculation(values)!;
    expect(chart.segments.map(({ start, end, shift }) => [start, end, shift])).toEqual([
      [0, 19, null],
      [20, 59, { direction: 'up', detectedAt: 27 }],
    ]);
    expect(chart.signals).toEqual([{ index: 27, rule: 'run-of-eight' }]);
    // The new limits come from the run's values only, and are no longer provisional.
    expect(chart.segments[1]).toMatchObject({ baselineCount: 20, provisional: false, mean: 30 });
    expect(chart.segments[1]?.upperLimit).toBeCloseTo(limitsOf(values.slice(20, 40)).upperLimit);
    // Long after the shift, the process is routine at its new level.
    expect(chart.status).toBe('routine');
    expect(chart.recentSignal).toBeNull();
  });

  it('finds a shift down and recomputes again after a second shift', () => {
    const down = Array.from({ length: 12 }, (_, index) => 5 + (index % 2));
    const back = Array.from({ length: 10 }, (_, index) => 10 + (index % 2));
    const chart = xmrWithRecalculation([...steady, ...down, ...back])!;
    expect(chart.segments.map(({ start, end, shift }) => [start, end, shift])).toEqual([
      [0, 19, null],
      [20, 31, { direction: 'down', detectedAt: 27 }],
      [32, 41, { direction: 'up', detectedAt: 39 }],
    ]);
    expect(chart.signals.filter(({ rule }) => rule === 'run-of-eight')).toEqual([
      { index: 27, rule: 'run-of-eight' },
      { index: 39, rule: 'run-of-eight' },
    ]);
  });

  it('splits inside a short baseline: a new metric whose level moved after a few days', () => {
    // 5 values around 100, then 12 around 150: the first 5 are a segment of their own.
    const values = [
      100, 101, 99, 100, 101, 150, 151, 149, 150, 151, 149, 150, 151, 149, 150, 151, 149,
    ];
    const chart = xmrWithRecalculation(values)!;
    expect(
      chart.segments.map(({ start, end, baselineCount, provisional }) => [
        start,
        end,
        baselineCount,
        provisional,
      ]),
    ).toEqual([
      [0, 4, 5, true],
      [5, 16, 12, true],
    ]);
    expect(chart.segments[1]?.shift).toEqual({ direction: 'up', detectedAt: 12 });
    // The jump from 101 to 150 crosses the boundary: no range signal is judged there.
    expect(chart.signals).toEqual([{ index: 12, rule: 'run-of-eight' }]);
    expect(chart.status).toBe('signal');
  });

  it('flags the last values beyond provisional limits of a new metric', () => {
    const values = [100, 102, 99, 101, 100, 98, 101, 100, 99, 101, 130, 131, 129];
    const chart = xmrWithRecalculation(values)!;
    expect(chart.segments).toHaveLength(1);
    expect(chart.segments[0]).toMatchObject({ baselineCount: 13, provisional: true, shift: null });
    expect(chart.signals.filter(({ rule }) => rule === 'beyond-limits')).toEqual([
      { index: 10, rule: 'beyond-limits' },
      { index: 11, rule: 'beyond-limits' },
      { index: 12, rule: 'beyond-limits' },
    ]);
    // The jump itself widens the provisional limits' zone lines: 3 of 4 fires at the end too.
    expect(chart.recentSignal).toEqual({ index: 12, rules: ['beyond-limits', 'three-of-four'] });
    expect(chart.status).toBe('signal');
  });

  it('starts no segment at a run that begins on the first or second value', () => {
    const starts = (values: number[]) =>
      xmrWithRecalculation(values)!.segments.map(({ start }) => start);
    const ones = (count: number) => Array.from({ length: count }, () => 1);
    // Central line 1.45: the run of 19 below begins on the second value.
    expect(starts([10, ...ones(19)])).toEqual([0]);
    // Central line 1.9: it begins on the third value, leaving two values before it.
    expect(starts([10, 10, ...ones(18)])).toEqual([0, 2]);
    // Central line 2.1: the 9 values below from the first do not split; the 11 above do.
    expect(starts([...ones(9), ...Array.from({ length: 11 }, () => 3)])).toEqual([0, 9]);
  });

  it('judges status on the last recentCount values', () => {
    const values = [...steady, 11, 9, 16, 10, 11];
    expect(xmrWithRecalculation(values, { recentCount: 1 })!.status).toBe('routine');
    expect(xmrWithRecalculation(values, { recentCount: 2 })!.status).toBe('signal');
  });

  it('honours baselineCount and lowerBound', () => {
    const values = [...steady, 11, 9, 16, 10, 11];
    const chart = xmrWithRecalculation(values, { baselineCount: 6, lowerBound: 9 })!;
    const plain = xmr(values, { baselineCount: 6, lowerBound: 9 })!;
    expect(chart.segments[0]).toMatchObject({
      baselineCount: 6,
      provisional: false,
      mean: plain.mean,
      lowerLimit: null,
    });
  });

  it('is null with fewer than two values and works with two', () => {
    expect(xmrWithRecalculation([])).toBeNull();
    expect(xmrWithRecalculation([4])).toBeNull();
    expect(xmrWithRecalculation([4, 6])).toMatchObject({
      segments: [{ start: 0, end: 1, baselineCount: 2, provisional: true, mean: 5 }],
      signals: [],
      status: 'routine',
      recentSignal: null,
    });
  });

  it('rejects invalid arguments with a RangeError naming them', () => {
    expect(() => xmrWithRecalculation([1, 2], { baselineCount: 1 })).toThrow(/baselineCount/);
    expect(() => xmrWithRecalculation([1, 2], { baselineCount: 2.5 })).toThrow(/baselineCount/);
    expect(() => xmrWithRecalculation([1, 2], { recentCount: 0 })).toThrow(/recentCount/);
    expect(() => xmrWithRecalculation([1, Number.NaN])).toThrow(/values\[1\]/);
    expect(() => xmrWithRecalculation([1], { lowerBound: Infinity })).toThrow(/lowerBound/);
  });
});
