import type { EntityManager } from 'typeorm';

/**
 * Holds the workspace row for the rest of the transaction, serialising changes that must see
 * each other (membership changes). `FOR NO KEY UPDATE` leaves inserts that merely reference the
 * workspace unblocked.
 */
export async function lockWorkspace(manager: EntityManager, workspaceId: string): Promise<void> {
  await manager.query(`SELECT 1 FROM workspace WHERE id = $1 FOR NO KEY UPDATE`, [workspaceId]);
}
