import { type EntityManager, IsNull } from 'typeorm';
import { Session } from './session.entity.js';

/** Ends every live session of a user at once (deactivation); answers how many were live. */
export async function revokeSessionsOfUser(
  manager: EntityManager,
  userId: string,
): Promise<number> {
  const result = await manager
    .getRepository(Session)
    .update({ userId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  return result.affected ?? 0;
}
