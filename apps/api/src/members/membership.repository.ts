import type { EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem/problem.js';
import { Membership } from '../workspaces/membership.entity.js';
import { lockWorkspace } from '../workspaces/workspace.repository.js';

/**
 * Serialises membership changes within one workspace for the rest of the transaction, so two
 * admins demoting each other at once cannot both pass the "another admin remains" check.
 */
export async function lockWorkspaceMemberships(
  manager: EntityManager,
  workspaceId: string,
): Promise<void> {
  await lockWorkspace(manager, workspaceId);
}

/** Refuses, with a 409 naming why, a change that would leave the workspace without an admin. */
export async function assertAnotherAdminRemains(
  manager: EntityManager,
  workspaceId: string,
  leavingUserId: string,
  change: 'demote' | 'remove',
): Promise<void> {
  const otherAdmins = await manager
    .getRepository(Membership)
    .createQueryBuilder('membership')
    .where('membership.workspaceId = :workspaceId', { workspaceId })
    .andWhere(`membership.role = 'admin'`)
    .andWhere('membership.userId <> :leavingUserId', { leavingUserId })
    .getCount();
  if (otherAdmins === 0) {
    throw ProblemException.conflict(
      'last-admin',
      `This is the workspace's last admin, who cannot be ${
        change === 'demote' ? 'demoted' : 'removed'
      }: make another member an admin first.`,
    );
  }
}
