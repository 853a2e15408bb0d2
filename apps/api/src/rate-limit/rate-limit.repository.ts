import type { EntityManager } from 'typeorm';

/** Deletes counters whose window started more than `olderThanSeconds` ago. */
export async function deleteCountersOlderThan(
  manager: EntityManager,
  olderThanSeconds: number,
): Promise<number> {
  const [, deleted] = await manager.query<[unknown, number]>(
    `DELETE FROM rate_limit WHERE window_started_at <= now() - make_interval(secs => $1)`,
    [olderThanSeconds],
  );
  return deleted;
}

/**
 * Counts one hit on `key` in ONE atomic upsert (a window over `windowSeconds` old starts again),
 * so parallel requests cannot slip past a limit between a check and an increment; answers the
 * window's hits and the seconds until it ends.
 */
export async function countHit(
  manager: EntityManager,
  key: string,
  windowSeconds: number,
): Promise<{ hits: number; retry_after: number } | undefined> {
  const rows: { hits: number; retry_after: number }[] = await manager.query(
    `INSERT INTO rate_limit AS counter (key, window_started_at, hits)
     VALUES ($1, now(), 1)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN counter.window_started_at <= now() - make_interval(secs => $2)
                   THEN 1 ELSE counter.hits + 1 END,
       window_started_at = CASE WHEN counter.window_started_at <= now() - make_interval(secs => $2)
                                THEN now() ELSE counter.window_started_at END
     RETURNING hits,
       extract(epoch FROM window_started_at + make_interval(secs => $2) - now())::float8
         AS retry_after`,
    [key, windowSeconds],
  );
  return rows[0];
}

/** Takes back one hit on `key`. */
export async function refundHit(manager: EntityManager, key: string): Promise<void> {
  await manager.query(`UPDATE rate_limit SET hits = GREATEST(hits - 1, 0) WHERE key = $1`, [key]);
}

/** The hits on `key` in its current window (0 when there is none or it has passed). */
export async function currentHits(
  manager: EntityManager,
  key: string,
  windowSeconds: number,
): Promise<number> {
  const rows: { hits: number }[] = await manager.query(
    `SELECT hits FROM rate_limit
      WHERE key = $1 AND window_started_at > now() - make_interval(secs => $2)`,
    [key, windowSeconds],
  );
  return rows[0]?.hits ?? 0;
}
