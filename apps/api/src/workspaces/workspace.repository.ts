import type { PageQuery, Workspace as WorkspaceResponse } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { keysetPage } from '../common/pagination/keyset-page.js';
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

/** The user's membership of the workspace `slug`, with the workspace; null for a non-member. */
export function membershipBySlug(
  manager: EntityManager,
  slug: string,
  userId: string,
): Promise<Membership | null> {
  return manager
    .getRepository(Membership)
    .createQueryBuilder('membership')
    .innerJoinAndSelect('membership.workspace', 'workspace')
    .where('workspace.slug = :slug', { slug })
    .andWhere('membership.userId = :userId', { userId })
    .getOne();
}

const slugPosition = z.tuple([z.string()]);

/** The user's memberships with their workspaces, keyset-paged on the workspace's slug. */
export function membershipsOfUserPage(
  manager: EntityManager,
  userId: string,
  page: PageQuery,
): Promise<{ rows: Membership[]; nextCursor: string | null }> {
  const query = manager
    .getRepository(Membership)
    .createQueryBuilder('membership')
    .innerJoinAndSelect('membership.workspace', 'workspace')
    .where('membership.userId = :userId', { userId });
  return keysetPage(query, page, {
    // The inner join loads every membership's workspace.
    keys: [{ sort: 'workspace.slug', valueOf: (membership) => membership.workspace!.slug }],
    direction: 'ASC',
    shape: slugPosition,
  });
}

/** Inserts a workspace with `userId` as its first admin. */
export async function insertWorkspaceAndAdmin(
  manager: EntityManager,
  values: { slug: string; name: string },
  userId: string,
): Promise<Workspace> {
  const workspace = await manager.getRepository(Workspace).save(values);
  await manager
    .getRepository(Membership)
    .insert({ workspaceId: workspace.id, userId, role: 'admin' });
  return workspace;
}

/** The workspace with this slug, if there is one. */
export function workspaceBySlug(manager: EntityManager, slug: string): Promise<Workspace | null> {
  return manager.getRepository(Workspace).findOneBy({ slug });
}

/**
 * The web path of a page of the workspace (`/w/<slug>/<rest>`), for links in notifications; the
 * slug read in the caller's transaction.
 */
export async function workspaceWebPath(
  manager: EntityManager,
  workspaceId: string,
  rest: string,
): Promise<string> {
  const workspace = await manager
    .getRepository(Workspace)
    .findOneOrFail({ where: { id: workspaceId }, select: { id: true, slug: true } });
  return `/w/${encodeURIComponent(workspace.slug)}/${rest}`;
}

/** Deletes the workspace; the database cascades to everything in it. */
export async function deleteWorkspace(manager: EntityManager, workspaceId: string): Promise<void> {
  await manager.getRepository(Workspace).delete({ id: workspaceId });
}

/** The workspace's memberships, oldest first. */
export function membershipsOldestFirst(
  manager: EntityManager,
  workspaceId: string,
): Promise<Membership[]> {
  return manager
    .getRepository(Membership)
    .find({ where: { workspaceId }, order: { createdAt: 'ASC' } });
}

/** The workspace's first admin, if it has one. */
export function oldestAdmin(
  manager: EntityManager,
  workspaceId: string,
): Promise<Membership | null> {
  return manager
    .getRepository(Membership)
    .findOne({ where: { workspaceId, role: 'admin' }, order: { createdAt: 'ASC' } });
}

/** Adds these members (none of them a member yet) to the workspace. */
export async function insertMemberships(
  manager: EntityManager,
  workspaceId: string,
  members: readonly Pick<Membership, 'userId' | 'role'>[],
): Promise<void> {
  if (members.length === 0) return;
  await manager
    .getRepository(Membership)
    .insert(members.map(({ userId, role }) => ({ workspaceId, userId, role })));
}
