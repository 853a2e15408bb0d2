import type { Sprint as SprintResponse } from '@bearing/contracts';
import type { Sprint } from './sprint.entity.js';

export function toSprintResponse(sprint: Sprint): SprintResponse {
  return {
    id: sprint.id,
    teamId: sprint.teamId,
    name: sprint.name,
    start: sprint.startsAt?.toISOString() ?? null,
    end: sprint.endsAt?.toISOString() ?? null,
    goal: sprint.goal,
    state: sprint.state,
    completedAt: sprint.completedAt?.toISOString() ?? null,
    source: sprint.source,
    externalId: sprint.externalId,
    version: sprint.version,
  };
}
