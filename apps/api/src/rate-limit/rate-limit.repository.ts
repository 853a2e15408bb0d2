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
