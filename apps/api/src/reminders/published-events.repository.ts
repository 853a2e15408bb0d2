import type { EntityManager } from 'typeorm';

/**
 * Those dedupe keys the workspace has published an event under already. Scheduled work asks
 * first, so a minute tick re-publishes nothing and renders nothing it sent before; the outbox's
 * unique key stays what guarantees one event when ticks or processes race.
 */
export async function publishedDedupeKeys(
  manager: EntityManager,
  workspaceId: string,
  keys: readonly string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await manager.query<{ dedupe_key: string }[]>(
    `SELECT "dedupe_key" FROM "notification_event"
      WHERE "workspace_id" = $1 AND "dedupe_key" = ANY($2::varchar[])`,
    [workspaceId, [...keys]],
  );
  return new Set(rows.map((row) => row.dedupe_key));
}
