import { describe, expect, it } from '@jest/globals';
import { expectedProgress, okrAsOf } from '../index.js';

const quarter = Object.freeze({ start: '2024-07-01', end: '2024-09-30' });

describe('okrAsOf', () => {
  it('is today while the period runs and its last day once it is over (doc example)', () => {
    expect(okrAsOf(quarter, '2024-08-15')).toBe('2024-08-15');
    expect(okrAsOf(quarter, '2024-09-30')).toBe('2024-09-30');
    expect(okrAsOf(quarter, '2024-10-01')).toBe('2024-09-30');
    expect(okrAsOf(quarter, '2024-11-04')).toBe('2024-09-30');
  });

  it('is today before the period begins', () => {
    expect(okrAsOf(quarter, '2024-06-01')).toBe('2024-06-01');
  });

  it('gives a closed period its full expected progress', () => {
    expect(expectedProgress(quarter, okrAsOf(quarter, '2025-01-15'))).toBe(1);
  });

  it('rejects end before start and malformed days, naming the argument', () => {
    expect(() => okrAsOf({ start: '2024-09-30', end: '2024-07-01' }, '2024-08-01')).toThrow(
      /period\.end/,
    );
    expect(() => okrAsOf(quarter, '15/08/2024')).toThrow(/today/);
    expect(() => okrAsOf({ start: 'soon', end: '2024-09-30' }, '2024-08-01')).toThrow(
      /period\.start/,
    );
  });
});
