import type { PageQuery } from '@bearing/contracts';
import type { DeepPartial, EntityManager } from 'typeorm';
import { createdAtIdOrder, keysetPage } from '../common/pagination/keyset-page.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import { SyncRun } from './sync-run.entity.js';

/** How long a running sync holds its run without renewing the lease (database clock). */
export const LEASE_SECONDS = 60;

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
 * Takes the run for this worker: a queued run, or a running one whose lease lapsed (its worker
 * died). Answers false when another worker holds it — then this one must not sync.
 */
export async function claimRun(
  manager: EntityManager,
  id: string,
  startedAt: Date,
): Promise<boolean> {
  const [, claimed] = await manager.query<[unknown, number]>(
    `UPDATE sync_run
        SET status = 'running', started_at = COALESCE(started_at, $2),
            lease_until = now() + make_interval(secs => ${LEASE_SECONDS})
      WHERE id = $1 AND active_source_id IS NOT NULL
        AND (status = 'queued' OR lease_until IS NULL OR lease_until < now())`,
    [id, startedAt],
  );
  return claimed === 1;
}

/**
 * Renews the lease and records the counts so far; false when the run is no longer this
 * worker's to continue (ended, or taken over after the lease lapsed).
 */
export async function renewRun(
  manager: EntityManager,
  run: Pick<
    SyncRun,
    | 'id'
    | 'pages'
    | 'requests'
    | 'retries'
    | 'created'
    | 'updated'
    | 'unchanged'
    | 'removed'
    | 'mode'
  >,
): Promise<boolean> {
  const [, renewed] = await manager.query<[unknown, number]>(
    `UPDATE sync_run
        SET lease_until = now() + make_interval(secs => ${LEASE_SECONDS}),
            pages = $2, requests = $3, retries = $4, created = $5, updated = $6,
            unchanged = $7, removed = $8, mode = $9
      WHERE id = $1 AND status = 'running' AND lease_until >= now()`,
    [
      run.id,
      run.pages,
      run.requests,
      run.retries,
      run.created,
      run.updated,
      run.unchanged,
      run.removed,
      run.mode,
    ],
  );
  return renewed === 1;
}

/**
 * Holds the running run's row until the caller's transaction ends, after checking this worker
 * still holds its lease: a page is written only by the run's one worker.
 */
export async function holdRunLease(manager: EntityManager, id: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM sync_run
      WHERE id = $1 AND status = 'running' AND lease_until >= now() FOR UPDATE`,
    [id],
  );
  return rows.length === 1;
}

/** Ends the run: it no longer blocks a next one. */
export async function finishRun(
  manager: EntityManager,
  run: DeepPartial<SyncRun> & { id: string; status: 'succeeded' | 'failed'; finishedAt: Date },
): Promise<void> {
  await manager
    .getRepository(SyncRun)
    .update({ id: run.id }, { ...run, activeSourceId: null, leaseUntil: null });
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
