import { describe, expect, it } from '@jest/globals';
import {
  addDays,
  eachDay,
  instantToDay,
  mondayOnOrBefore,
  weekdayOf,
  workingDaysBetween,
} from '../index.js';

describe('days', () => {
  it('buckets an instant into the day of its time zone, near midnight', () => {
    expect(instantToDay('2024-03-01T23:30:00Z')).toBe('2024-03-01');
    expect(instantToDay('2024-03-01T23:30:00Z', 'Europe/Berlin')).toBe('2024-03-02');
    expect(instantToDay('2015-11-21T07:03:02.000-0500')).toBe('2015-11-21');
    expect(instantToDay('2015-11-21T22:03:02.000-0500')).toBe('2015-11-22');
    expect(instantToDay('2015-11-22T03:03:02Z', 'America/New_York')).toBe('2015-11-21');
  });

  it('does calendar arithmetic on whole days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(eachDay('2024-12-30', '2025-01-02')).toEqual([
      '2024-12-30',
      '2024-12-31',
      '2025-01-01',
      '2025-01-02',
    ]);
    expect(weekdayOf('2026-11-26')).toBe(4);
    expect(mondayOnOrBefore('2026-11-26')).toBe('2026-11-23');
    expect(mondayOnOrBefore('2026-11-23')).toBe('2026-11-23');
  });

  it('skips weekends and holidays', () => {
    expect(
      workingDaysBetween('2026-11-20', '2026-11-24', {
        nonWorkingWeekdays: [0, 6],
        holidays: ['2026-11-23'],
      }),
    ).toEqual(['2026-11-20', '2026-11-24']);
  });

  it('names the argument of an invalid day', () => {
    expect(() => eachDay('2024-02-30', '2024-03-01')).toThrow(/from/);
    expect(() => instantToDay('yesterday')).toThrow(RangeError);
  });
});
