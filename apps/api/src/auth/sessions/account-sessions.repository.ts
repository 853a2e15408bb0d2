import { type EntityManager, IsNull, Not } from 'typeorm';
import { Session } from '../session.entity.js';

/** A user's live sessions (not revoked, not idle too long, not past their end), newest use first. */
export function liveSessionsOfUser(manager: EntityManager, userId: string): Promise<Session[]> {
  return manager
    .getRepository(Session)
    .createQueryBuilder('session')
    .where('session.userId = :userId', { userId })
    .andWhere('session.revokedAt IS NULL')
    .andWhere('session.idleExpiresAt > now()')
    .andWhere('session.expiresAt > now()')
    .orderBy('session.lastSeenAt', 'DESC')
    .addOrderBy('session.id', 'ASC')
    .getMany();
}

/** Ends one of the user's sessions; false when the user has no such live session. */
export async function revokeSessionOfUser(
  manager: EntityManager,
  userId: string,
  sessionId: string,
): Promise<boolean> {
  const result = await manager
    .getRepository(Session)
    .update({ id: sessionId, userId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  return (result.affected ?? 0) > 0;
}

/**
 * Ends every session of the user except `keepSessionId` (all of them when it is null);
 * answers how many were ended.
 */
export async function revokeSessionsOfUserExcept(
  manager: EntityManager,
  userId: string,
  keepSessionId: string | null,
): Promise<number> {
  const result = await manager.getRepository(Session).update(
    {
      userId,
      revokedAt: IsNull(),
      ...(keepSessionId === null ? {} : { id: Not(keepSessionId) }),
    },
    { revokedAt: () => 'now()' },
  );
  return result.affected ?? 0;
}
