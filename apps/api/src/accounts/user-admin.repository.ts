import type { AdminUserListQuery } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { keysetPage } from '../common/pagination/keyset-page.js';
import { User } from './user.entity.js';

// The instance admin's reads and writes of accounts. Kept apart from `user.repository.ts`,
// which sign-in and membership use, so the admin pages' queries stay in one place.

const emailPosition = z.tuple([z.string()]);

/** `%`, `_` and `\` match themselves in the search, not as LIKE wildcards. */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Every account by email (unique), optionally those whose email or name contains `search`. */
export async function listUsers(
  manager: EntityManager,
  { search, cursor, limit }: AdminUserListQuery,
): Promise<{ rows: User[]; nextCursor: string | null }> {
  const query = manager.getRepository(User).createQueryBuilder('user');
  if (search !== undefined) {
    query.where('(user.email ILIKE :pattern OR user.displayName ILIKE :pattern)', {
      pattern: likePattern(search),
    });
  }
  return keysetPage(
    query,
    { cursor, limit },
    {
      keys: [{ sort: 'user.email', valueOf: (user) => user.email }],
      direction: 'ASC',
      shape: emailPosition,
    },
  );
}

/** The account, locked for the rest of the transaction; null when there is none. */
export function lockUser(manager: EntityManager, userId: string): Promise<User | null> {
  return manager
    .getRepository(User)
    .createQueryBuilder('user')
    .setLock('pessimistic_write')
    .where('user.id = :userId', { userId })
    .getOne();
}

/**
 * Locks every active instance admin's row and counts them, so two admins deactivating each
 * other at once cannot both pass the "another one remains" check.
 */
export async function lockActiveInstanceAdmins(manager: EntityManager): Promise<string[]> {
  const admins = await manager
    .getRepository(User)
    .createQueryBuilder('user')
    .setLock('pessimistic_write')
    .where('user.instanceAdmin = true')
    .andWhere('user.disabledAt IS NULL')
    .orderBy('user.id')
    .getMany();
  return admins.map((admin) => admin.id);
}

/** Deactivates (now) or reactivates (`null`) an account. */
export async function setUserDeactivated(
  manager: EntityManager,
  userId: string,
  deactivated: boolean,
): Promise<void> {
  await manager
    .getRepository(User)
    .update({ id: userId }, { disabledAt: deactivated ? () => 'now()' : null });
}

/** Makes an account an instance admin or takes that away (never the last: see the caller). */
export async function setInstanceAdmin(
  manager: EntityManager,
  userId: string,
  instanceAdmin: boolean,
): Promise<void> {
  await manager.getRepository(User).update({ id: userId }, { instanceAdmin });
}

/** Makes an account an instance admin (the first admin, at start-up). */
export async function makeInstanceAdmin(manager: EntityManager, userId: string): Promise<void> {
  await manager.getRepository(User).update({ id: userId }, { instanceAdmin: true });
}

/** Someone else chose this account's password: its owner must choose their own first. */
export async function requirePasswordChange(manager: EntityManager, userId: string): Promise<void> {
  await manager.getRepository(User).update({ id: userId }, { mustChangePassword: true });
}
