import { describe, expect, it } from '@jest/globals';
import { milestoneMovedDays, milestoneSlipDays } from '../index.js';

describe('milestoneSlipDays', () => {
  it('measures an open milestone to its current date', () => {
    const open = Object.freeze({
      baselineDate: '2026-03-02',
      currentDate: '2026-03-30',
      completedAt: null,
    });
    expect(milestoneSlipDays(open)).toBe(28);
    expect(milestoneSlipDays({ ...open, currentDate: '2026-02-28' })).toBe(-2);
  });

  it('measures a completed milestone to the day it was completed, not its current date', () => {
    const completed = Object.freeze({
      baselineDate: '2026-08-08',
      currentDate: '2026-08-08',
      completedAt: '2026-08-10',
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
      }),
    ).toThrow(/completedAt/);
    expect(() =>
      milestoneSlipDays({
        baselineDate: '2026-02-30',
        currentDate: '2026-03-01',
        completedAt: null,
      }),
    ).toThrow(/baselineDate/);
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
