import { describe, expect, it } from '@jest/globals';
import { isMilestoneOverdue, milestoneMovedDays, milestoneSlipDays } from '../index.js';

describe('milestoneSlipDays', () => {
  it('measures an open milestone to its current date while that date is still ahead', () => {
    const open = Object.freeze({
      baselineDate: '2026-03-02',
      currentDate: '2026-03-30',
      completedAt: null,
      asOf: '2026-02-20',
    });
    expect(milestoneSlipDays(open)).toBe(28);
    expect(milestoneSlipDays({ ...open, currentDate: '2026-02-28' })).toBe(-2);
    // Due today is not late yet.
    expect(milestoneSlipDays({ ...open, asOf: '2026-03-30' })).toBe(28);
  });

  it('measures an open milestone whose date has passed to the as-of day: it is overdue', () => {
    const overdue = Object.freeze({
      baselineDate: '2026-09-01',
      currentDate: '2026-09-01',
      completedAt: null,
      asOf: '2026-10-15',
    });
    expect(milestoneSlipDays(overdue)).toBe(44);
    // Moved, and past its new date too: late by the days from the baseline to the as-of day.
    expect(milestoneSlipDays({ ...overdue, currentDate: '2026-09-20' })).toBe(44);
    // Moved earlier than the baseline and overdue: still early while the as-of day is.
    expect(milestoneSlipDays({ ...overdue, currentDate: '2026-08-20', asOf: '2026-08-25' })).toBe(
      -7,
    );
  });

  it('measures a completed milestone to the day it was completed, not its current date', () => {
    const completed = Object.freeze({
      baselineDate: '2026-08-08',
      currentDate: '2026-08-08',
      completedAt: '2026-08-10',
      asOf: '2026-10-01',
    });
    expect(milestoneSlipDays(completed)).toBe(2);
    expect(
      milestoneSlipDays({ ...completed, currentDate: '2026-08-22', completedAt: '2026-08-05' }),
    ).toBe(-3);
  });

  it('names the argument that is not a day', () => {
    expect(() =>
      milestoneSlipDays({
        baselineDate: '2026-08-08',
        currentDate: '2026-08-08',
        completedAt: 'x',
        asOf: '2026-08-08',
      }),
    ).toThrow(/completedAt/);
    expect(() =>
      milestoneSlipDays({
        baselineDate: '2026-02-30',
        currentDate: '2026-03-01',
        completedAt: null,
        asOf: '2026-03-01',
      }),
    ).toThrow(/baselineDate/);
    expect(() =>
      milestoneSlipDays({
        baselineDate: '2026-03-01',
        currentDate: '2026-03-01',
        completedAt: null,
        asOf: '2026-13-01',
      }),
    ).toThrow(/asOf/);
  });
});

describe('isMilestoneOverdue', () => {
  it('is true only for an open milestone whose current date is before the as-of day', () => {
    const open = Object.freeze({ currentDate: '2026-09-01', completedAt: null });
    expect(isMilestoneOverdue({ ...open, asOf: '2026-09-02' })).toBe(true);
    expect(isMilestoneOverdue({ ...open, asOf: '2026-09-01' })).toBe(false);
    expect(isMilestoneOverdue({ ...open, asOf: '2026-08-31' })).toBe(false);
    expect(isMilestoneOverdue({ ...open, completedAt: '2026-09-05', asOf: '2026-10-01' })).toBe(
      false,
    );
  });
});

describe('milestoneMovedDays', () => {
  it('adds up the moves, later positive, earlier negative', () => {
    const moves = Object.freeze([
      { fromDate: '2026-02-09', toDate: '2026-02-16' },
      { fromDate: '2026-02-16', toDate: '2026-02-23' },
    ]);
    expect(milestoneMovedDays(moves)).toBe(14);
    expect(milestoneMovedDays([{ fromDate: '2026-02-23', toDate: '2026-02-20' }])).toBe(-3);
  });

  it('is 0 without moves, or with moves that cancel out', () => {
    expect(milestoneMovedDays([])).toBe(0);
    expect(
      milestoneMovedDays([
        { fromDate: '2026-02-09', toDate: '2026-02-16' },
        { fromDate: '2026-02-16', toDate: '2026-02-09' },
      ]),
    ).toBe(0);
  });

  it('names the move whose date is not a day', () => {
    expect(() =>
      milestoneMovedDays([
        { fromDate: '2026-02-09', toDate: '2026-02-16' },
        { fromDate: '2026-02-16', toDate: '16/02/2026' },
      ]),
    ).toThrow(/moves\[1\]\.toDate/);
  });
});
