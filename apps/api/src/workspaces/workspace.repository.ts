import type { Workspace as WorkspaceResponse } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { Membership } from './membership.entity.js';
import { toWorkspaceResponse } from './workspace.mapper.js';
import { Workspace } from './workspace.entity.js';

/**
 * Holds the workspace row for the rest of the transaction, serialising changes that must see
 * each other (membership changes). `FOR NO KEY UPDATE` leaves inserts that merely reference the
 * workspace unblocked.
 */
export async function lockWorkspace(manager: EntityManager, workspaceId: string): Promise<void> {
  await manager.query(`SELECT 1 FROM workspace WHERE id = $1 FOR NO KEY UPDATE`, [workspaceId]);
}

/** Every workspace the user is a member of, with their role there, by slug. */
export async function workspacesOfUser(
  manager: EntityManager,
  userId: string,
): Promise<WorkspaceResponse[]> {
  const memberships = await manager.getRepository(Membership).find({
    where: { userId },
    relations: { workspace: true },
    order: { workspace: { slug: 'ASC' } },
  });
  return memberships.flatMap(({ workspace, role }) =>
    workspace ? [toWorkspaceResponse(workspace, role)] : [],
  );
}

/** Whether some workspace has this slug. */
export function workspaceSlugTaken(manager: EntityManager, slug: string): Promise<boolean> {
  return manager.getRepository(Workspace).existsBy({ slug });
}
