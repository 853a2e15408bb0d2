import { describe, expect, it } from '@jest/globals';
import { isMonday, mondayOf, shiftWeeks } from './report-week';

describe('mondayOf', () => {
  it.each([
    ['2026-11-23', '2026-11-23'], // a Monday is its own week
    ['2026-11-26', '2026-11-23'], // Thursday
    ['2026-11-29', '2026-11-23'], // Sunday closes the week
    ['2026-11-30', '2026-11-30'],
    ['2027-01-01', '2026-12-28'], // across a year end
  ])('%s is in the week of %s', (day, monday) => {
    expect(mondayOf(day)).toBe(monday);
  });
});

describe('shiftWeeks', () => {
  it('moves whole weeks either way, across months', () => {
    expect(shiftWeeks('2026-11-23', 1)).toBe('2026-11-30');
    expect(shiftWeeks('2026-11-23', -4)).toBe('2026-10-26');
    expect(shiftWeeks('2026-03-23', 2)).toBe('2026-04-06');
  });
});

describe('isMonday', () => {
  it('accepts Mondays only, and only real days', () => {
    expect(isMonday('2026-11-23')).toBe(true);
    expect(isMonday('2026-11-24')).toBe(false);
    expect(isMonday('2026-02-30')).toBe(false);
    expect(isMonday('next week')).toBe(false);
  });
});
