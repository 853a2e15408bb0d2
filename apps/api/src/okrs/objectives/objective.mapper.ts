import type { Objective as ObjectiveResponse } from '@bearing/contracts';
import type { OkrNumbers, RolledUpFrom } from '../okr-numbers.js';
import type { Objective } from './objective.entity.js';

/** For an objective loaded with its owner; `programIds` are the programs that link it. */
export function toObjectiveResponse(
  objective: Objective,
  numbers: OkrNumbers & { rolledUpFrom: RolledUpFrom },
  programIds: string[],
): ObjectiveResponse {
  if (!objective.owner) throw new Error('objective loaded without its owner');
  return {
    id: objective.id,
    title: objective.title,
    description: objective.description,
    ownerId: objective.ownerUserId,
    owner: {
      id: objective.owner.id,
      email: objective.owner.email,
      displayName: objective.owner.displayName,
    },
    periodId: objective.periodId,
    parentId: objective.parentId,
    status: objective.status,
    ...numbers,
    programIds,
    version: objective.version,
    createdAt: objective.createdAt.toISOString(),
    updatedAt: objective.updatedAt.toISOString(),
  };
}
