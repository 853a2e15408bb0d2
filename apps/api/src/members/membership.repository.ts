import type { PageQuery } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { findInWorkspaceOr404 } from '../common/database/workspace-record.repository.js';
import { keysetPage } from '../common/pagination/keyset-page.js';
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

/**
 * Whether the workspace has an admin other than `userId` who can act: a deactivated account
 * cannot sign in, so its admin membership does not count.
 */
export function anotherActiveAdminRemains(
  manager: EntityManager,
  workspaceId: string,
  userId: string,
): Promise<boolean> {
  return manager
    .getRepository(Membership)
    .createQueryBuilder('membership')
    .innerJoin('membership.user', 'user')
    .where('membership.workspaceId = :workspaceId', { workspaceId })
    .andWhere(`membership.role = 'admin'`)
    .andWhere('membership.userId <> :userId', { userId })
    .andWhere('user.disabledAt IS NULL')
    .getExists();
}

/** Whether `userId` is an admin of the workspace with an active account. */
export function isActiveAdminOf(
  manager: EntityManager,
  workspaceId: string,
  userId: string,
): Promise<boolean> {
  return manager
    .getRepository(Membership)
    .createQueryBuilder('membership')
    .innerJoin('membership.user', 'user')
    .where('membership.workspaceId = :workspaceId', { workspaceId })
    .andWhere('membership.userId = :userId', { userId })
    .andWhere(`membership.role = 'admin'`)
    .andWhere('user.disabledAt IS NULL')
    .getExists();
}

/**
 * Refuses, with a 409 naming why, a change that would leave the workspace without an admin who
 * can sign in.
 */
export async function assertAnotherAdminRemains(
  manager: EntityManager,
  workspaceId: string,
  leavingUserId: string,
  change: 'demote' | 'remove' | 'leave',
): Promise<void> {
  if (await anotherActiveAdminRemains(manager, workspaceId, leavingUserId)) return;
  const refused = { demote: 'be demoted', remove: 'be removed', leave: 'leave' }[change];
  throw ProblemException.conflict(
    'last-admin',
    `This is the workspace's last admin with an active account, who cannot ${refused}: make another member an admin first.`,
  );
}

/**
 * The workspaces where `userId` is the only admin with an active account, by slug, for taking
 * that account away. Every workspace the user administers is locked first (in slug order, as
 * single sign-on's role map locks them), so a concurrent demotion or removal there waits and
 * sees the answer.
 */
export async function lockWorkspacesOnlyAdministeredBy(
  manager: EntityManager,
  userId: string,
): Promise<{ slug: string; name: string }[]> {
  const administered = await manager
    .getRepository(Membership)
    .createQueryBuilder('membership')
    .innerJoinAndSelect('membership.workspace', 'workspace')
    .where('membership.userId = :userId', { userId })
    .andWhere(`membership.role = 'admin'`)
    .getMany();
  // In slug order, by code unit, as single sign-on's role map takes them: two lockers of the
  // same workspaces in different orders could each wait for the other.
  administered.sort((a, b) => bySlug(a.workspace?.slug ?? '', b.workspace?.slug ?? ''));
  const alone: { slug: string; name: string }[] = [];
  for (const { workspace, workspaceId } of administered) {
    await lockWorkspaceMemberships(manager, workspaceId);
    if (workspace && !(await anotherActiveAdminRemains(manager, workspaceId, userId))) {
      alone.push({ slug: workspace.slug, name: workspace.name });
    }
  }
  return alone.sort((a, b) => a.slug.localeCompare(b.slug));
}

/** The order workspaces are locked in when one transaction locks several: by slug, code unit by code unit. */
export function bySlug(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const emailPosition = z.tuple([z.string()]);

/** The workspace's memberships with their users, keyset-paged on the user's email. */
export function membershipPage(
  manager: EntityManager,
  workspaceId: string,
  page: PageQuery,
): Promise<{ rows: Membership[]; nextCursor: string | null }> {
  const query = manager
    .getRepository(Membership)
    .createQueryBuilder('membership')
    .innerJoinAndSelect('membership.user', 'user')
    .where('membership.workspaceId = :workspaceId', { workspaceId });
  return keysetPage(query, page, {
    // The inner join loads every membership's user.
    keys: [{ sort: 'user.email', valueOf: (membership) => membership.user!.email }],
    direction: 'ASC',
    shape: emailPosition,
  });
}

/** The membership in *this* workspace, with its user, or 404 — another workspace's is not found. */
export function findMembership(
  manager: EntityManager,
  workspaceId: string,
  userId: string,
): Promise<Membership> {
  return findInWorkspaceOr404(
    manager,
    Membership,
    { workspaceId, where: { userId }, relations: { user: true } },
    'There is no such member here.',
  );
}

/** Saves a membership loaded in this workspace (its version checked by the caller). */
export function saveMembership(
  manager: EntityManager,
  membership: Membership,
): Promise<Membership> {
  return manager.getRepository(Membership).save(membership);
}

export async function deleteMembership(
  manager: EntityManager,
  workspaceId: string,
  userId: string,
): Promise<void> {
  await manager.getRepository(Membership).delete({ workspaceId, userId });
}

/** The user's membership of the workspace, or null when they are not a member. */
export function membershipOfUser(
  manager: EntityManager,
  workspaceId: string,
  userId: string,
): Promise<Membership | null> {
  return manager.getRepository(Membership).findOneBy({ workspaceId, userId });
}

export async function insertMembership(
  manager: EntityManager,
  values: Pick<Membership, 'workspaceId' | 'userId' | 'role'>,
): Promise<void> {
  await manager.getRepository(Membership).insert(values);
}
