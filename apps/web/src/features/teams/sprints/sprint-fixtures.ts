import type { Sprint } from '@bearing/contracts';

export const SPRINT_TEAM_ID = '00000000-0000-4000-8000-000000000701';

/** A sprint as the API sends it; ids count up from `…801`. */
export function sprintOf(n: number, fields: Partial<Sprint> = {}): Sprint {
  return Object.freeze({
    id: `00000000-0000-4000-8000-${String(800 + n).padStart(12, '0')}`,
    teamId: SPRINT_TEAM_ID,
    name: `Sprint ${n}`,
    start: null,
    end: null,
    goal: '',
    state: 'future',
    completedAt: null,
    source: 'manual',
    externalId: null,
    version: 1,
    ...fields,
  });
}
