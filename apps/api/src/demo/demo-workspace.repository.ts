import type { EntityManager } from 'typeorm';

/**
 * Whether the workspace has any of what the demo generator writes early — a half-seeded
 * workspace has some of it. The one read of other features' tables outside their repositories:
 * the generator writes them through their services, and only asks here whether it began.
 */
export async function hasDemoContent(
  manager: EntityManager,
  workspaceId: string,
): Promise<boolean> {
  const [row]: { found: boolean }[] = await manager.query(
    `SELECT EXISTS (SELECT 1 FROM team WHERE workspace_id = $1)
         OR EXISTS (SELECT 1 FROM metric WHERE workspace_id = $1)
         OR EXISTS (SELECT 1 FROM period WHERE workspace_id = $1)
         OR EXISTS (SELECT 1 FROM program WHERE workspace_id = $1) AS found`,
    [workspaceId],
  );
  return row?.found === true;
}
