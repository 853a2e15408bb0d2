import { type EntityManager, IsNull } from 'typeorm';
import { PasswordReset } from './password-reset.entity.js';

/** A new reset link for the user; their earlier unused links stop working (only the newest counts). */
export async function insertPasswordReset(
  manager: EntityManager,
  reset: { userId: string; tokenHash: string; sealedToken: string | null; expiresAt: Date },
): Promise<void> {
  await endOpenPasswordResets(manager, reset.userId);
  await manager.getRepository(PasswordReset).insert({ ...reset, usedAt: null });
}

/** Marks every unused link of the user used (after a reset or a password change). */
export async function endOpenPasswordResets(manager: EntityManager, userId: string): Promise<void> {
  await manager
    .getRepository(PasswordReset)
    .update({ userId, usedAt: IsNull() }, { usedAt: () => 'now()' });
}

/**
 * The unused, unexpired link with this hash, locked for the transaction so that two requests
 * with the same link cannot both use it; with its user.
 */
export function lockUsablePasswordReset(
  manager: EntityManager,
  tokenHash: string,
  now: Date,
): Promise<PasswordReset | null> {
  return manager
    .getRepository(PasswordReset)
    .createQueryBuilder('reset')
    .setLock('pessimistic_write')
    .where('reset.tokenHash = :tokenHash', { tokenHash })
    .andWhere('reset.usedAt IS NULL')
    .andWhere('reset.expiresAt > :now', { now })
    .getOne();
}

/** Links held for instance admins that can still be used, newest first, with their users. */
export function heldPasswordResets(manager: EntityManager, now: Date): Promise<PasswordReset[]> {
  return manager
    .getRepository(PasswordReset)
    .createQueryBuilder('reset')
    .innerJoinAndSelect('reset.user', 'user')
    .where('reset.usedAt IS NULL')
    .andWhere('reset.expiresAt > :now', { now })
    .andWhere('reset.sealedToken IS NOT NULL')
    .orderBy('reset.createdAt', 'DESC')
    .addOrderBy('reset.id', 'ASC')
    .limit(100)
    .getMany();
}
