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

/** Records a request on a session: seen now, idle expiry moved forward (never past its end). */
export async function touchSession(
  manager: EntityManager,
  sessionId: string,
  idleTimeoutSeconds: number,
): Promise<void> {
  await manager.query(
    `UPDATE session
        SET last_seen_at = now(),
            idle_expires_at = LEAST(now() + make_interval(secs => $2), expires_at)
      WHERE id = $1`,
    [sessionId, idleTimeoutSeconds],
  );
}
