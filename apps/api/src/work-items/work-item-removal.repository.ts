import type { EntityManager } from 'typeorm';

/**
 * Items that left their Jira source's query (moved to another project, deleted): a sync marks
 * them removed instead of deleting them, so their history stays, and every metric read leaves
 * them out (`removed_at IS NULL`). One that comes back is restored.
 */

type ItemScope = { workspaceId: string; teamId: string; source: string };

/** Keys of the team's items of `source` that are not marked removed. */
export async function presentItemKeys(manager: EntityManager, scope: ItemScope): Promise<string[]> {
  const rows: { key: string }[] = await manager.query(
    `SELECT key FROM work_item
      WHERE workspace_id = $1 AND team_id = $2 AND source = $3 AND removed_at IS NULL`,
    [scope.workspaceId, scope.teamId, scope.source],
  );
  return rows.map((row) => row.key);
}

/** Marks the items of `keys` removed at `at`; returns how many were marked. */
export async function markItemsRemoved(
  manager: EntityManager,
  scope: ItemScope,
  keys: readonly string[],
  at: Date,
): Promise<number> {
  if (keys.length === 0) return 0;
  // TypeORM answers an UPDATE on PostgreSQL with [rows, affected row count].
  const [, marked] = await manager.query<[unknown, number]>(
    `UPDATE work_item SET removed_at = $5
      WHERE workspace_id = $1 AND team_id = $2 AND source = $3 AND key = ANY($4::text[])
        AND removed_at IS NULL`,
    [scope.workspaceId, scope.teamId, scope.source, [...keys], at],
  );
  return marked;
}

/** Clears the mark of those `keys` that were removed (they are back in the source). */
export async function restoreRemovedItems(
  manager: EntityManager,
  scope: ItemScope,
  keys: readonly string[],
): Promise<number> {
  if (keys.length === 0) return 0;
  const [, restored] = await manager.query<[unknown, number]>(
    `UPDATE work_item SET removed_at = NULL
      WHERE workspace_id = $1 AND team_id = $2 AND source = $3 AND key = ANY($4::text[])
        AND removed_at IS NOT NULL`,
    [scope.workspaceId, scope.teamId, scope.source, [...keys]],
  );
  return restored;
}
