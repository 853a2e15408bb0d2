import type { EntityManager } from 'typeorm';

/** Deletes sessions that can no longer be used: expired, idle too long or signed out. */
export async function deleteEndedSessions(manager: EntityManager): Promise<number> {
  // A DELETE answers [rows, count] through TypeORM's query().
  const [, deleted] = await manager.query<[unknown, number]>(
    `DELETE FROM session
      WHERE expires_at <= now() OR idle_expires_at <= now() OR revoked_at IS NOT NULL`,
  );
  return deleted;
}
