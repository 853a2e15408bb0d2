import type { EntityManager } from 'typeorm';
import { User } from '../user.entity.js';

export function findUserById(manager: EntityManager, userId: string): Promise<User | null> {
  return manager.getRepository(User).findOneBy({ id: userId });
}

/** The user's credentials row, locked for the transaction (one password change at a time). */
export function lockUserForPasswordChange(
  manager: EntityManager,
  userId: string,
): Promise<User | null> {
  return manager
    .getRepository(User)
    .createQueryBuilder('user')
    .setLock('pessimistic_write')
    .where('user.id = :userId', { userId })
    .getOne();
}

/** Stores a new password hash chosen by the user themselves: no change is pending any more. */
export async function setOwnPassword(
  manager: EntityManager,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await manager
    .getRepository(User)
    .update({ id: userId }, { passwordHash, mustChangePassword: false });
}
