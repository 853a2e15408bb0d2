import { describe, expect, it } from '@jest/globals';
import { sprintOf } from './sprint-fixtures';
import { nextName, suggestNextSprint } from './sprint-suggestion';

const TODAY = '2026-11-26';

/** A sprint from its first to its last day, as a Jira import stores it (09:00 to 17:00 UTC). */
function dated(n: number, first: string, last: string) {
  return sprintOf(n, {
    start: `${first}T09:00:00.000Z`,
    end: `${last}T17:00:00.000Z`,
    state: 'closed',
  });
}

describe('suggestNextSprint', () => {
  it('suggests two weeks from today for a team without sprints', () => {
    expect(suggestNextSprint([], 'UTC', TODAY)).toEqual({
      name: 'Sprint 1',
      start: '2026-11-26',
      end: '2026-12-09',
    });
  });

  it('keeps the team’s rhythm: alternate Mondays, Monday to Friday of the next week', () => {
    const sprints = [
      dated(40, '2026-11-02', '2026-11-13'),
      dated(41, '2026-11-16', '2026-11-27'),
      dated(39, '2026-10-19', '2026-10-30'),
    ];
    expect(suggestNextSprint(sprints, 'Europe/Berlin', TODAY)).toEqual({
      name: 'Sprint 42',
      start: '2026-11-30',
      end: '2026-12-11',
    });
  });

  it('takes the median of the last three sprints, so one odd sprint does not set the length', () => {
    const sprints = [
      dated(1, '2026-09-07', '2026-09-20'),
      dated(2, '2026-09-21', '2026-10-04'),
      dated(3, '2026-10-05', '2026-10-25'), // three weeks, once
      dated(4, '2026-10-26', '2026-11-08'),
    ];
    expect(suggestNextSprint(sprints, 'UTC', '2026-11-01')).toEqual({
      name: 'Sprint 5',
      start: '2026-11-09',
      end: '2026-11-22',
    });
  });

  it('starts the day after a single sprint ends, with its length', () => {
    expect(suggestNextSprint([dated(7, '2026-11-23', '2026-11-29')], 'UTC', TODAY)).toEqual({
      name: 'Sprint 8',
      start: '2026-11-30',
      end: '2026-12-06',
    });
  });

  it('never suggests the past: stale history moves on to its next start from today', () => {
    // Alternate Mondays from 2025-01-06; today is Thursday 2026-11-26, between two of them.
    const old = [dated(1, '2025-01-06', '2025-01-19'), dated(2, '2025-01-20', '2025-02-02')];
    expect(suggestNextSprint(old, 'UTC', TODAY)).toEqual({
      name: 'Sprint 3',
      start: '2026-12-07',
      end: '2026-12-20',
    });
    expect(suggestNextSprint(old, 'UTC', '2026-12-07').start).toBe('2026-12-07');
    expect(suggestNextSprint(old, 'UTC', '2026-12-08').start).toBe('2026-12-21');
  });

  it('ignores sprints without dates for the rhythm', () => {
    const sprints = [sprintOf(9, { name: 'Someday' }), dated(8, '2026-11-16', '2026-11-29')];
    expect(suggestNextSprint(sprints, 'UTC', TODAY).start).toBe('2026-11-30');
    expect(suggestNextSprint([sprintOf(9, { name: 'Someday' })], 'UTC', TODAY)).toEqual({
      name: '',
      start: TODAY,
      end: '2026-12-09',
    });
  });
});

describe('nextName', () => {
  it('counts on from the trailing number', () => {
    expect(nextName('Sprint 41')).toBe('Sprint 42');
    expect(nextName('PAY 2026.9')).toBe('PAY 2026.10');
    expect(nextName('Sprint 009 (payments)')).toBe('Sprint 010 (payments)');
    expect(nextName('Hardening')).toBe('');
  });
});
