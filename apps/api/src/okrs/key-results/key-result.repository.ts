import type { PageQuery } from '@bearing/contracts';
import { type DeepPartial, type EntityManager, In } from 'typeorm';
import { createdAtIdOrder, keysetPage } from '../../common/pagination/keyset-page.js';
import { KeyResult } from './key-result.entity.js';

/**
 * The workspace's key results with their metric, oldest first, keyset-paged on (created_at, id);
 * only those of `objective`, or of objectives in `period`, when given.
 */
export function keyResultPage(
  manager: EntityManager,
  workspaceId: string,
  { objective, period }: { objective?: string | undefined; period?: string | undefined },
  page: PageQuery,
): Promise<{ rows: KeyResult[]; nextCursor: string | null }> {
  const query = manager
    .getRepository(KeyResult)
    .createQueryBuilder('keyResult')
    .leftJoinAndSelect('keyResult.metric', 'metric')
    .where('keyResult.workspaceId = :workspaceId', { workspaceId });
  if (objective) query.andWhere('keyResult.objectiveId = :objective', { objective });
  if (period) {
    query
      .innerJoin('keyResult.objective', 'objective')
      .andWhere('objective.periodId = :period', { period });
  }
  return keysetPage(query, page, createdAtIdOrder('keyResult', 'ASC'));
}

export function insertKeyResult(
  manager: EntityManager,
  values: DeepPartial<KeyResult>,
): Promise<KeyResult> {
  const keyResults = manager.getRepository(KeyResult);
  return keyResults.save(keyResults.create(values));
}

/** Saves a key result loaded in this workspace (its version checked by the caller). */
export function saveKeyResult(manager: EntityManager, keyResult: KeyResult): Promise<KeyResult> {
  return manager.getRepository(KeyResult).save(keyResult);
}

/** Deletes a key result found in its workspace; its check-ins go with it (the key cascades). */
export async function deleteKeyResult(manager: EntityManager, keyResult: KeyResult): Promise<void> {
  await manager
    .getRepository(KeyResult)
    .delete({ id: keyResult.id, workspaceId: keyResult.workspaceId });
}

/** The key results, with their metric, of those objectives of the workspace. */
export function keyResultsOfObjectives(
  manager: EntityManager,
  workspaceId: string,
  objectiveIds: readonly string[],
): Promise<KeyResult[]> {
  if (objectiveIds.length === 0) return Promise.resolve([]);
  return manager.getRepository(KeyResult).find({
    where: { workspaceId, objectiveId: In([...new Set(objectiveIds)]) },
    relations: { metric: true },
  });
}

/** The key results, with their metric, of those objectives of the workspace, oldest first. */
export function keyResultsOfObjectivesOldestFirst(
  manager: EntityManager,
  workspaceId: string,
  objectiveIds: readonly string[],
): Promise<KeyResult[]> {
  if (objectiveIds.length === 0) return Promise.resolve([]);
  return manager.getRepository(KeyResult).find({
    where: { workspaceId, objectiveId: In([...objectiveIds]) },
    relations: { metric: true },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
}

/** Every key result of the workspace, with its metric. */
export function keyResultsOfWorkspace(
  manager: EntityManager,
  workspaceId: string,
): Promise<KeyResult[]> {
  return manager.getRepository(KeyResult).find({
    where: { workspaceId },
    relations: { metric: true },
  });
}
