import type { DeepPartial, EntityManager } from 'typeorm';
import { TeamSource } from './team-source.entity.js';

/** The team's source (the team already resolved in this workspace), or null. */
export function sourceOfTeam(
  manager: EntityManager,
  workspaceId: string,
  teamId: string,
  lock = false,
): Promise<TeamSource | null> {
  const query = manager
    .getRepository(TeamSource)
    .createQueryBuilder('source')
    .where('source.workspaceId = :workspaceId', { workspaceId })
    .andWhere('source.teamId = :teamId', { teamId });
  if (lock) query.setLock('pessimistic_write');
  return query.getOne();
}

/** The source `id` of the workspace, or null; `lock` holds it for the transaction. */
export function sourceById(
  manager: EntityManager,
  workspaceId: string,
  id: string,
  lock = false,
): Promise<TeamSource | null> {
  const query = manager
    .getRepository(TeamSource)
    .createQueryBuilder('source')
    .where('source.workspaceId = :workspaceId', { workspaceId })
    .andWhere('source.id = :id', { id });
  if (lock) query.setLock('pessimistic_write');
  return query.getOne();
}

export function saveSource(
  manager: EntityManager,
  source: DeepPartial<TeamSource>,
): Promise<TeamSource> {
  const sources = manager.getRepository(TeamSource);
  return sources.save(sources.create(source));
}

export async function deleteSource(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<void> {
  await manager.getRepository(TeamSource).delete({ id, workspaceId });
}

/**
 * The names of the teams whose source uses the connection, by name (at most `limit`), and how
 * many there are: empty when the connection is not in use.
 */
export async function teamsUsingConnection(
  manager: EntityManager,
  workspaceId: string,
  connectionId: string,
  limit: number,
): Promise<{ names: string[]; count: number }> {
  const rows = await manager.query<{ name: string; count: number }[]>(
    `SELECT team.name, count(*) OVER ()::int AS count
       FROM team_source source
       JOIN team ON team.id = source.team_id AND team.workspace_id = source.workspace_id
      WHERE source.workspace_id = $1 AND source.connection_id = $2
      ORDER BY team.name, team.id
      LIMIT $3`,
    [workspaceId, connectionId, limit],
  );
  return { names: rows.map((row) => row.name), count: rows[0]?.count ?? 0 };
}

/**
 * After the connection's token or address changed: puts the workspace's broken sources on it
 * back to `ok`, and makes its failing ones due again (their state only: not a user's edit, so
 * `updated_at` stays). Answers them, with whether each is enabled.
 */
export async function resumeSourcesOf(
  manager: EntityManager,
  workspaceId: string,
  connectionId: string,
): Promise<{ id: string; workspaceId: string; enabled: boolean }[]> {
  const [rows] = await manager.query<
    [{ id: string; workspace_id: string; enabled: boolean }[], number]
  >(
    `UPDATE team_source
        SET state = CASE WHEN state = 'broken' THEN 'ok' ELSE state END, retry_at = NULL
      WHERE workspace_id = $1 AND connection_id = $2
        AND (state = 'broken' OR failing_since IS NOT NULL)
      RETURNING id, workspace_id, enabled`,
    [workspaceId, connectionId],
  );
  return rows.map((row) => ({ id: row.id, workspaceId: row.workspace_id, enabled: row.enabled }));
}

/**
 * Changes the source's sync state columns only (not a user's edit: `updated_at` and `version`
 * stay, so an editor's save from the version they loaded still holds after a sync).
 */
export async function updateSourceState(
  manager: EntityManager,
  id: string,
  changes: Partial<
    Pick<
      TeamSource,
      | 'state'
      | 'lastSyncAt'
      | 'lastError'
      | 'failingSince'
      | 'retryAt'
      | 'resyncAfterRunId'
      | 'watermark'
      | 'reconciledAt'
    >
  >,
): Promise<void> {
  await manager
    .getRepository(TeamSource)
    .createQueryBuilder()
    .update(TeamSource)
    .set({ ...changes, updatedAt: () => '"updated_at"', version: () => '"version"' })
    .where('id = :id', { id })
    .execute();
}

/**
 * Enabled, unbroken sources whose interval has passed since their last successful sync (or
 * that never synced), and whose retry time after a failure has come, with no sync queued or
 * running: what the scheduler starts at `now`.
 */
export async function dueSources(manager: EntityManager, now: Date): Promise<TeamSource[]> {
  return manager
    .getRepository(TeamSource)
    .createQueryBuilder('source')
    .where('source.enabled AND source.state <> :broken', { broken: 'broken' })
    .andWhere(
      `(source.lastSyncAt IS NULL OR source.lastSyncAt + make_interval(mins => source.intervalMinutes) <= :now)`,
      { now },
    )
    .andWhere('(source.retryAt IS NULL OR source.retryAt <= :now)', { now })
    .andWhere(`NOT EXISTS (SELECT 1 FROM sync_run run WHERE run.active_source_id = source.id)`)
    .orderBy('source.lastSyncAt', 'ASC', 'NULLS FIRST')
    .limit(500)
    .getMany();
}
