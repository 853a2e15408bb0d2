import type { EntityManager } from 'typeorm';
import { invalid } from '../okr-references.js';

/**
 * Serialises changes of parents within one workspace for the rest of the transaction: two
 * concurrent edits (A under B, B under A) could otherwise each pass the cycle check.
 */
export async function lockObjectiveTree(
  manager: EntityManager,
  workspaceId: string,
): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    `objective-tree:${workspaceId}`,
  ]);
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
  const [row]: { cycle: boolean }[] = await manager.query(
    `WITH RECURSIVE "ancestor" ("id", "parent_id") AS (
       SELECT "id", "parent_id" FROM "objective" WHERE "id" = $1 AND "workspace_id" = $2
       UNION
       SELECT "objective"."id", "objective"."parent_id"
         FROM "objective" JOIN "ancestor" ON "objective"."id" = "ancestor"."parent_id"
        WHERE "objective"."workspace_id" = $2
     )
     SELECT EXISTS (SELECT 1 FROM "ancestor" WHERE "id" = $3) AS "cycle"`,
    [parentId, workspaceId, objectiveId],
  );
  if (row?.cycle) {
    throw invalid(
      'parentId',
      'would make a cycle: that objective is aligned (directly or not) below this one',
    );
  }
}
