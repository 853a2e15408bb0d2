import { describe, expect, it } from '@jest/globals';
import {
  formatDays,
  formatPercent,
  formatPersonDays,
  formatPoints,
  integerTicks,
  percentTicks,
} from './figures';

describe('figure formats', () => {
  it('writes points with one decimal at most', () => {
    expect(formatPoints(35.166_666)).toBe('35.2');
    expect(formatPoints(59.58)).toBe('59.6');
    expect(formatPoints(17.8)).toBe('17.8');
    expect(formatPoints(30)).toBe('30');
    expect(formatPoints(null)).toBe('—');
  });

  it('writes person-days with one decimal at most', () => {
    expect(formatPersonDays(13.333)).toBe('13.3');
    expect(formatPersonDays(18)).toBe('18');
  });

  it('writes shares as whole percentages', () => {
    expect(formatPercent(0.8412)).toBe('84%');
    expect(formatPercent(0.625)).toBe('63%');
    expect(formatPercent(null)).toBe('—');
  });

  it('writes days as whole days, a started day counting', () => {
    expect(formatDays(7)).toBe('7 days');
    expect(formatDays(7.2)).toBe('8 days');
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(6.000_000_000_1)).toBe('6 days');
    expect(formatDays(12, 'short')).toBe('12 d');
    expect(formatDays(null)).toBe('—');
  });
});

describe('integer ticks', () => {
  it('steps by 1, 2 or 5 × 10ⁿ from 0 past the highest value', () => {
    expect(integerTicks(6.3)).toEqual([0, 2, 4, 6, 8]);
    expect(integerTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(integerTicks(59.58)).toEqual([0, 20, 40, 60]);
    expect(integerTicks(230)).toEqual([0, 50, 100, 150, 200, 250]);
  });

  it('keeps an axis of zeros or of a single item whole', () => {
    expect(integerTicks(0)).toEqual([0, 1]);
    expect(integerTicks(0.4)).toEqual([0, 1]);
  });

  it('never gives a fraction', () => {
    for (let max = 0; max <= 500; max += 0.7) {
      const ticks = integerTicks(max);
      expect(ticks.every((tick) => Number.isInteger(tick))).toBe(true);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
  });
});

describe('percent ticks', () => {
  it('lands every tick of a share axis on a distinct whole percentage', () => {
    const ticks = percentTicks(0.063);
    expect(ticks.map((share) => formatPercent(share))).toEqual(['0%', '2%', '4%', '6%', '8%']);
    for (let max = 0.001; max <= 1; max += 0.013) {
      const labels = percentTicks(max).map((share) => formatPercent(share));
      expect(new Set(labels).size).toBe(labels.length);
    }
  });
});
