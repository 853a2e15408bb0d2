import { type EntityManager, In } from 'typeorm';
import { Objective } from './objective.entity.js';

/** Titles of those `ids` that are objectives of the workspace. */
export async function objectiveTitles(
  manager: EntityManager,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const objectives = await manager
    .getRepository(Objective)
    .find({ select: { id: true, title: true }, where: { workspaceId, id: In([...ids]) } });
  return new Map(objectives.map(({ id, title }) => [id, title]));
}

/**
 * Whether `objectiveId` is `parentId` or among its ancestors, walking up the alignment tree of
 * the workspace from `parentId`: making it the parent would close a cycle.
 */
export async function isAmongAncestors(
  manager: EntityManager,
  workspaceId: string,
  { objectiveId, parentId }: { objectiveId: string; parentId: string },
): Promise<boolean> {
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
  return row?.cycle === true;
}

/**
 * The objective's status, its row share-locked for the rest of the transaction so it cannot be
 * closed meanwhile; `undefined` when it is not an objective of the workspace.
 */
export async function shareLockedStatus(
  manager: EntityManager,
  workspaceId: string,
  objectiveId: string,
): Promise<string | undefined> {
  const [objective]: { status: string }[] = await manager.query(
    `SELECT "status" FROM "objective" WHERE "id" = $1 AND "workspace_id" = $2 FOR SHARE`,
    [objectiveId, workspaceId],
  );
  return objective?.status;
}
