import { describe, expect, it } from '@jest/globals';
import { workingDays } from '../index.js';

describe('workingDays', () => {
  it('lists the working days inclusive, skipping weekends (doc example)', () => {
    expect(workingDays('2024-03-01', '2024-03-05')).toEqual([
      '2024-03-01',
      '2024-03-04',
      '2024-03-05',
    ]);
  });

  it('skips holidays and other non-working weekdays', () => {
    const calendar = Object.freeze({
      nonWorkingWeekdays: Object.freeze([5, 6]) as unknown as number[], // Friday and Saturday off
      holidays: Object.freeze(['2024-03-03']) as unknown as string[],
    });
    expect(workingDays('2024-03-01', '2024-03-07', calendar)).toEqual([
      '2024-03-04',
      '2024-03-05',
      '2024-03-06',
      '2024-03-07',
    ]);
  });

  it('returns a single day or none for a one-day range', () => {
    expect(workingDays('2024-03-04', '2024-03-04')).toEqual(['2024-03-04']);
    expect(workingDays('2024-03-09', '2024-03-09')).toEqual([]);
  });

  it('rejects end before start and malformed days', () => {
    expect(() => workingDays('2024-03-05', '2024-03-04')).toThrow(/end/);
    expect(() => workingDays('2024-3-4', '2024-03-04')).toThrow(/start/);
  });
});
