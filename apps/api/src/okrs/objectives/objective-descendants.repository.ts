import type { EntityManager } from 'typeorm';

/** Alignment levels below an objective that its roll-up reads, matching `objectiveRollup`. */
export const ROLLUP_MAX_DEPTH = 32;

/**
 * The ids of every objective aligned (directly or not) below `objectiveIds`, down to
 * `ROLLUP_MAX_DEPTH` levels, the given ones left out. Children are of the parent's workspace.
 */
export async function descendantIdsOf(
  manager: EntityManager,
  objectiveIds: readonly string[],
): Promise<string[]> {
  if (objectiveIds.length === 0) return [];
  const rows: { id: string }[] = await manager.query(
    `WITH RECURSIVE "descendant" ("id", "workspace_id", "depth") AS (
       SELECT "id", "workspace_id", 0 FROM "objective" WHERE "id" = ANY($1::uuid[])
       UNION
       SELECT "child"."id", "child"."workspace_id", "descendant"."depth" + 1
         FROM "objective" AS "child"
         JOIN "descendant" ON "child"."parent_id" = "descendant"."id"
          AND "child"."workspace_id" = "descendant"."workspace_id"
        WHERE "descendant"."depth" < $2
     )
     SELECT DISTINCT "id" FROM "descendant" WHERE NOT ("id" = ANY($1::uuid[]))`,
    [objectiveIds, ROLLUP_MAX_DEPTH],
  );
  return rows.map(({ id }) => id);
}
