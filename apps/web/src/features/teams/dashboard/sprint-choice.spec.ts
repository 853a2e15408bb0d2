import { describe, expect, it } from '@jest/globals';
import type { Sprint } from '@bearing/contracts';
import { defaultSprint, nextSprint, plannableSprints, reportableSprints } from './sprint-choice';

let sequence = 0;

function sprint(name: string, state: Sprint['state'], start: string | null): Sprint {
  sequence += 1;
  const end = start === null ? null : new Date(Date.parse(start) + 13 * 86_400_000).toISOString();
  return Object.freeze({
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    teamId: '00000000-0000-4000-8000-0000000000ff',
    name,
    start,
    end,
    goal: '',
    state,
    completedAt: state === 'closed' ? end : null,
    source: 'manual',
    externalId: null,
    version: 1,
  });
}

const S1 = sprint('Sprint 1', 'closed', '2026-10-05T09:00:00.000Z');
const S2 = sprint('Sprint 2', 'closed', '2026-10-19T09:00:00.000Z');
const S3 = sprint('Sprint 3', 'active', '2026-11-02T09:00:00.000Z');
const S4 = sprint('Sprint 4', 'future', '2026-11-16T09:00:00.000Z');
const S5 = sprint('Sprint 5', 'future', '2026-11-30T09:00:00.000Z');
const UNPLANNED = sprint('Someday', 'future', null);

// The API's order: unplanned first, then latest start first.
const ALL = Object.freeze([UNPLANNED, S5, S4, S3, S2, S1]);

describe('defaultSprint', () => {
  it('opens on the active sprint', () => {
    expect(defaultSprint(ALL)?.name).toBe('Sprint 3');
  });

  it('falls back to the last closed sprint when none is active', () => {
    expect(defaultSprint([S4, S2, S1])?.name).toBe('Sprint 2');
  });

  it('has nothing to open on when no sprint has started', () => {
    expect(defaultSprint([UNPLANNED, S4])).toBeNull();
    expect(defaultSprint([])).toBeNull();
  });

  it('lists only started sprints for the selector, latest first', () => {
    expect(reportableSprints(ALL).map((item) => item.name)).toEqual([
      'Sprint 3',
      'Sprint 2',
      'Sprint 1',
    ]);
  });
});

describe('nextSprint', () => {
  it('plans the future sprint right after the active one', () => {
    expect(nextSprint(ALL)?.name).toBe('Sprint 4');
  });

  it('offers only planned future sprints, earliest first', () => {
    expect(plannableSprints(ALL).map((item) => item.name)).toEqual(['Sprint 4', 'Sprint 5']);
  });

  it('takes the earliest planned future sprint when no sprint has started', () => {
    expect(nextSprint([S5, S4])?.name).toBe('Sprint 4');
  });

  it('has nothing to plan without a planned future sprint', () => {
    expect(nextSprint([UNPLANNED, S3, S2])).toBeNull();
  });
});
