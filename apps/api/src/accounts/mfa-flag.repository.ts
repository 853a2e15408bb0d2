import type { EntityManager } from 'typeorm';
import { User } from './user.entity.js';

/**
 * Marks whether the user signs in with a second factor. The MFA feature calls it in the
 * transaction that confirms or removes the authenticator, so the flag never disagrees with it.
 */
export async function setUserMfaEnabled(
  manager: EntityManager,
  userId: string,
  mfaEnabled: boolean,
): Promise<void> {
  await manager.getRepository(User).update({ id: userId }, { mfaEnabled });
}

/** The user's row, locked for the transaction: one change of their second factor at a time. */
export function lockUserForMfaChange(manager: EntityManager, userId: string): Promise<User | null> {
  return manager
    .getRepository(User)
    .createQueryBuilder('user')
    .setLock('pessimistic_write')
    .where('user.id = :userId', { userId })
    .getOne();
}
