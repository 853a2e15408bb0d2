import type { EntityManager } from 'typeorm';
import { invalid } from '../okr.repository.js';
import { lockNameForTransaction } from '../../database/advisory-lock.repository.js';
import { isAmongAncestors } from './objective.repository.js';

/**
 * Serialises changes of parents within one workspace for the rest of the transaction: two
 * concurrent edits (A under B, B under A) could otherwise each pass the cycle check.
 */
export async function lockObjectiveTree(
  manager: EntityManager,
  workspaceId: string,
): Promise<void> {
  await lockNameForTransaction(manager, `objective-tree:${workspaceId}`);
}

/**
 * Refuses (400 at `parentId`) a parent that is the objective itself or aligned below it, so the
 * alignment tree never gets a cycle. Walks up from the new parent through its ancestors.
 */
export async function assertNoCycle(
  manager: EntityManager,
  workspaceId: string,
  objectiveId: string,
  parentId: string,
): Promise<void> {
  if (parentId === objectiveId) throw invalid('parentId', 'cannot be the objective itself');
  if (await isAmongAncestors(manager, workspaceId, { objectiveId, parentId })) {
    throw invalid(
      'parentId',
      'would make a cycle: that objective is aligned (directly or not) below this one',
    );
  }
}
