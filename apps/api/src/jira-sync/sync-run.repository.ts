import { randomUUID } from 'node:crypto';
import type { PageQuery } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { createdAtIdOrder, keysetPage } from '../common/pagination/keyset-page.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import { SyncRun } from './sync-run.entity.js';

/** How long a running sync holds its run without renewing the lease (database clock). */
export const LEASE_SECONDS = 60;

/**
 * A worker's hold on a running run: the random token its claim stored. Renewing, writing a
 * batch and ending the run ask for it, so once another worker took the run over (a new claim,
 * a new token) the one before is refused whatever the lease's time says.
 */
export type RunLease = { runId: string; token: string };

/** The counts a run records as it goes. */
type RunCounts = Pick<
  SyncRun,
  'pages' | 'requests' | 'retries' | 'created' | 'updated' | 'unchanged' | 'removed' | 'mode'
>;

/**
 * Records a queued run of the source, or answers null when one is queued or running already
 * (the unique `active_source_id`, whichever process asked first).
 */
export async function insertQueuedRun(
  manager: EntityManager,
  values: Pick<SyncRun, 'workspaceId' | 'sourceId' | 'trigger'> & { createdAt: Date },
): Promise<SyncRun | null> {
  const runs = manager.getRepository(SyncRun);
  try {
    return await runs.save(
      runs.create({ ...values, status: 'queued', activeSourceId: values.sourceId }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/**
 * Records a queued run of the source within the caller's transaction, or answers null when one
 * is queued or running already: no unique violation, so the transaction goes on either way.
 */
export async function insertQueuedRunIfIdle(
  manager: EntityManager,
  values: Pick<SyncRun, 'workspaceId' | 'sourceId' | 'trigger'> & { createdAt: Date },
): Promise<Pick<SyncRun, 'id' | 'workspaceId' | 'sourceId'> | null> {
  const rows = await manager.query<{ id: string }[]>(
    `INSERT INTO sync_run (workspace_id, source_id, trigger, status, active_source_id, created_at)
     VALUES ($1, $2, $3, 'queued', $2, $4)
     ON CONFLICT ON CONSTRAINT "UQ_sync_run_active_source_id" DO NOTHING
     RETURNING id`,
    [values.workspaceId, values.sourceId, values.trigger, values.createdAt],
  );
  const [row] = rows;
  return row ? { id: row.id, workspaceId: values.workspaceId, sourceId: values.sourceId } : null;
}

/** The source's queued or running run, if any. */
export function activeRunOf(manager: EntityManager, sourceId: string): Promise<SyncRun | null> {
  return manager.getRepository(SyncRun).findOneBy({ activeSourceId: sourceId });
}

export function runById(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<SyncRun | null> {
  return manager.getRepository(SyncRun).findOneBy({ id, workspaceId });
}

/**
 * Takes the run for this worker under a new lease token: a queued run, or a running one whose
 * lease lapsed (its worker died or stalled). Answers null when another worker holds it — then
 * this one must not sync.
 */
export async function claimRun(
  manager: EntityManager,
  id: string,
  startedAt: Date,
): Promise<RunLease | null> {
  const token = randomUUID();
  const [, claimed] = await manager.query<[unknown, number]>(
    `UPDATE sync_run
        SET status = 'running', started_at = COALESCE(started_at, $2), lease_token = $3,
            lease_until = now() + make_interval(secs => ${LEASE_SECONDS})
      WHERE id = $1 AND active_source_id IS NOT NULL
        AND (status = 'queued' OR lease_until IS NULL OR lease_until < now())`,
    [id, startedAt, token],
  );
  return claimed === 1 ? { runId: id, token } : null;
}

/**
 * Renews the lease and records the counts so far; false when the run is no longer this
 * worker's to continue (ended, or claimed by another worker). A lease that lapsed without
 * anyone claiming the run is still this worker's: only a claim changes the token.
 */
export async function renewRun(
  manager: EntityManager,
  lease: RunLease,
  counts: RunCounts,
): Promise<boolean> {
  const [, renewed] = await manager.query<[unknown, number]>(
    `UPDATE sync_run
        SET lease_until = now() + make_interval(secs => ${LEASE_SECONDS}),
            pages = $2, requests = $3, retries = $4, created = $5, updated = $6,
            unchanged = $7, removed = $8, mode = $9
      WHERE id = $1 AND status = 'running' AND lease_token = $10`,
    [
      lease.runId,
      counts.pages,
      counts.requests,
      counts.retries,
      counts.created,
      counts.updated,
      counts.unchanged,
      counts.removed,
      counts.mode,
      lease.token,
    ],
  );
  return renewed === 1;
}

/** Renews the lease only (while the worker waits on Jira); false as `renewRun`. */
export async function extendLease(manager: EntityManager, lease: RunLease): Promise<boolean> {
  const [, extended] = await manager.query<[unknown, number]>(
    `UPDATE sync_run SET lease_until = now() + make_interval(secs => ${LEASE_SECONDS})
      WHERE id = $1 AND status = 'running' AND lease_token = $2`,
    [lease.runId, lease.token],
  );
  return extended === 1;
}

/**
 * Holds the running run's row until the caller's transaction ends, after checking this worker
 * still holds its lease: a page is written only by the run's one worker (a claim waits for the
 * row, so the run cannot change hands while the transaction writes).
 */
export async function holdRunLease(manager: EntityManager, lease: RunLease): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM sync_run
      WHERE id = $1 AND status = 'running' AND lease_token = $2 FOR UPDATE`,
    [lease.runId, lease.token],
  );
  return rows.length === 1;
}

/**
 * Ends the run, if this worker still holds it: it no longer blocks a next one. False (and
 * nothing changed) when another worker claimed it meanwhile.
 */
export async function finishRun(
  manager: EntityManager,
  lease: RunLease,
  run: Partial<RunCounts> & {
    status: 'succeeded' | 'failed';
    error: string | null;
    finishedAt: Date;
  },
): Promise<boolean> {
  const result = await manager
    .getRepository(SyncRun)
    .update(
      { id: lease.runId, leaseToken: lease.token, status: 'running' },
      { ...run, activeSourceId: null, leaseUntil: null, leaseToken: null },
    );
  return result.affected === 1;
}

/** Ends a run whose job could not be queued (no worker ever claimed it). */
export async function abandonQueuedRun(
  manager: EntityManager,
  id: string,
  values: { error: string; finishedAt: Date },
): Promise<void> {
  await manager
    .getRepository(SyncRun)
    .update(
      { id, status: 'queued' },
      { ...values, status: 'failed', activeSourceId: null, leaseUntil: null },
    );
}

/** The source's runs, newest first, keyset-paged on (created_at, id). */
export function runPage(
  manager: EntityManager,
  workspaceId: string,
  sourceId: string,
  page: PageQuery,
): Promise<{ rows: SyncRun[]; nextCursor: string | null }> {
  const query = manager
    .getRepository(SyncRun)
    .createQueryBuilder('run')
    .where('run.workspaceId = :workspaceId', { workspaceId })
    .andWhere('run.sourceId = :sourceId', { sourceId });
  return keysetPage(query, page, createdAtIdOrder<SyncRun>('run', 'DESC'));
}

/** Runs that are queued (their job lost) or running with a lapsed lease, for the scheduler to requeue. */
export function orphanedRuns(manager: EntityManager, queuedBefore: Date): Promise<SyncRun[]> {
  return manager
    .getRepository(SyncRun)
    .createQueryBuilder('run')
    .where('run.activeSourceId IS NOT NULL')
    .andWhere(
      `((run.status = 'queued' AND run.createdAt < :queuedBefore) OR (run.status = 'running' AND run.leaseUntil < now()))`,
      { queuedBefore },
    )
    .limit(100)
    .getMany();
}
