import { describe, expect, it } from '@jest/globals';
import { describeMilestoneDates, describeMove, describeSlip, formatDuration } from './slip';

describe('formatDuration', () => {
  it.each([
    [0, '0 days'],
    [1, '1 day'],
    [6, '6 days'],
    [7, '1 week'],
    [21, '3 weeks'],
    [23, '3 weeks 2 days'],
    [-15, '2 weeks 1 day'],
  ])('%i days → %s', (days, text) => {
    expect(formatDuration(days)).toBe(text);
  });
});

describe('describeSlip', () => {
  it('says a late milestone in weeks against the original plan', () => {
    expect(describeSlip(21)).toBe('3 weeks late against the original plan');
  });
  it('says an early one as early', () => {
    expect(describeSlip(-2)).toBe('2 days early against the original plan');
  });
  it('says an unmoved one is on the plan', () => {
    expect(describeSlip(0)).toBe('On the original plan');
  });
});

describe('describeMove', () => {
  it('signs a move later with + and earlier with −', () => {
    expect(describeMove('2026-03-02', '2026-03-16')).toBe('+2 weeks');
    expect(describeMove('2026-03-16', '2026-03-13')).toBe('−3 days');
    expect(describeMove('2026-03-16', '2026-03-16')).toBe('no change');
  });
});

describe('describeMilestoneDates', () => {
  const base = {
    baselineDate: '2026-08-08',
    currentDate: '2026-08-08',
    completedAt: null,
    overdue: false,
  };
  it('says an open milestone against the original plan, with its current date', () => {
    expect(describeMilestoneDates({ ...base, currentDate: '2026-08-29', slipDays: 21 })).toBe(
      '3 weeks late against the original plan · baseline Aug 8, 2026 · current Aug 29, 2026',
    );
  });
  it('leads an open one past its current date with "overdue", its slip counted to today', () => {
    expect(
      describeMilestoneDates({
        ...base,
        baselineDate: '2026-09-01',
        currentDate: '2026-09-01',
        slipDays: 44,
        overdue: true,
      }),
    ).toBe(
      'Overdue since Sep 1, 2026 · 6 weeks 2 days late against the original plan · baseline Sep 1, 2026',
    );
  });
  it('leads a completed one with its completion day, which decides late or early', () => {
    expect(describeMilestoneDates({ ...base, completedAt: '2026-08-10', slipDays: 2 })).toBe(
      'Completed Aug 10, 2026 · 2 days late · baseline Aug 8, 2026',
    );
    expect(
      describeMilestoneDates({
        ...base,
        currentDate: '2026-08-22',
        completedAt: '2026-08-05',
        slipDays: -3,
      }),
    ).toBe('Completed Aug 5, 2026 · 3 days early · baseline Aug 8, 2026');
    expect(describeMilestoneDates({ ...base, completedAt: '2026-08-08', slipDays: 0 })).toBe(
      'Completed Aug 8, 2026 · on time · baseline Aug 8, 2026',
    );
  });
});
