import { describe, expect, it } from '@jest/globals';
import { expectedProgress } from '../index.js';

const quarter = Object.freeze({ start: '2024-01-01', end: '2024-03-31' }); // 90 days

describe('expectedProgress', () => {
  it('is the share of the period elapsed (doc example)', () => {
    expect(expectedProgress(quarter, '2024-02-15')).toBeCloseTo(0.5, 12);
    expect(expectedProgress(quarter, '2024-01-31')).toBeCloseTo(30 / 90, 12);
    expect(expectedProgress(quarter, '2024-01-01')).toBe(0);
    expect(expectedProgress(quarter, '2024-03-31')).toBe(1);
  });

  it('is clamped to [0, 1] before and after the period', () => {
    expect(expectedProgress(quarter, '2023-12-01')).toBe(0);
    expect(expectedProgress(quarter, '2024-05-01')).toBe(1);
  });

  it('handles a one-day period', () => {
    const day = { start: '2024-01-10', end: '2024-01-10' };
    expect(expectedProgress(day, '2024-01-09')).toBe(0);
    expect(expectedProgress(day, '2024-01-10')).toBe(1);
  });

  it('rejects end before start and malformed days', () => {
    expect(() =>
      expectedProgress({ start: '2024-03-31', end: '2024-01-01' }, '2024-02-01'),
    ).toThrow(/period\.end/);
    expect(() => expectedProgress(quarter, '15/02/2024')).toThrow(/asOf/);
  });
});
