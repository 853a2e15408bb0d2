import { type EntityManager, IsNull, type QueryDeepPartialEntity } from 'typeorm';
import { Session } from './session.entity.js';

/** Deletes sessions that can no longer be used: expired, idle too long or signed out. */
export async function deleteEndedSessions(manager: EntityManager): Promise<number> {
  // A DELETE answers [rows, count] through TypeORM's query().
  const [, deleted] = await manager.query<[unknown, number]>(
    `DELETE FROM session
      WHERE expires_at <= now() OR idle_expires_at <= now() OR revoked_at IS NOT NULL`,
  );
  return deleted;
}

/** Revokes the live session whose cookie hashes to `tokenHash`, if there is one. */
export async function revokeSessionByTokenHash(
  manager: EntityManager,
  tokenHash: string,
): Promise<void> {
  await manager
    .getRepository(Session)
    .update({ tokenHash, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
}

export async function insertSession(
  manager: EntityManager,
  values: QueryDeepPartialEntity<Session>,
): Promise<void> {
  await manager.getRepository(Session).insert(values);
}

/** Revokes the session `id` unless it is revoked already. */
export async function revokeSessionById(manager: EntityManager, id: string): Promise<void> {
  await manager
    .getRepository(Session)
    .update({ id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
}
