import type { ImportJobPage, ImportJobStatus, ImportResult, PageQuery } from '@bearing/contracts';
import type { DeepPartial, EntityManager } from 'typeorm';
import { findInWorkspaceOr404 } from '../common/database/workspace-record.repository.js';
import { createdAtIdOrder, keysetItems } from '../common/pagination/keyset-page.js';
import { ImportJob } from './import-job.entity.js';
import { toImportJobResponse } from './import-job.mapper.js';
import { failedResult } from './import-result.js';

/** How often a running import shows it is alive. */
export const HEARTBEAT_INTERVAL_MS = 5_000;

/**
 * A running job whose last heartbeat is older than this was cut off: the process running it
 * stopped (crash, kill, power loss) without recording the outcome. Far above the interval, so a
 * busy database or a long garbage-collection pause never fails a live import.
 */
export const STALE_AFTER_SECONDS = 180;

export const SERVER_STOPPED_MESSAGE =
  'the server stopped during the import; nothing was stored (the import is one transaction, so it was rolled back)';

/** The result a cut-off import is given. */
export function serverStoppedResult(): ImportResult {
  return failedResult([{ message: SERVER_STOPPED_MESSAGE }]);
}

/**
 * Marks `failed` every running job matched by `scope` whose heartbeat (or, before the first one,
 * its creation) is older than `STALE_AFTER_SECONDS`; answers how many. Ages are measured on the
 * database clock — the clock heartbeats are written with — so several API processes with
 * skewed clocks agree. Safe to run from any process at any time: a live import keeps its
 * heartbeat fresh and is never touched.
 */
export async function failStaleImportJobs(
  manager: EntityManager,
  scope: { jobId: string } | { teamId: string } | 'all',
): Promise<number> {
  const [condition, parameters] =
    scope === 'all'
      ? ['TRUE', []]
      : 'jobId' in scope
        ? ['"id" = $2', [scope.jobId]]
        : ['"team_id" = $2', [scope.teamId]];
  // TypeORM answers an UPDATE on PostgreSQL with [rows, affected row count].
  const [, failed] = await manager.query<[unknown, number]>(
    `UPDATE "import_job"
        SET "status" = 'failed', "progress" = 0, "result" = $1::jsonb, "finished_at" = now()
      WHERE "status" = 'running'
        AND COALESCE("heartbeat_at", "created_at") < now() - make_interval(secs => ${STALE_AFTER_SECONDS})
        AND ${condition}`,
    [JSON.stringify(serverStoppedResult()), ...parameters],
  );
  return failed;
}

/** Writes a heartbeat for a running job (outside its transaction: a pool connection of its own). */
export async function beat(manager: EntityManager, jobId: string): Promise<void> {
  await manager.query(
    `UPDATE "import_job" SET "heartbeat_at" = now() WHERE "id" = $1 AND "status" = 'running'`,
    [jobId],
  );
}

/**
 * A queued job starts running (again, when a retry takes it over): progress 0, its first
 * heartbeat now. False when it has ended meanwhile — another attempt finished it — and then
 * nothing changes.
 */
export async function markRunning(manager: EntityManager, jobId: string): Promise<boolean> {
  const [, updated] = await manager.query<[unknown, number]>(
    `UPDATE import_job SET status = 'running', progress = 0, heartbeat_at = now()
      WHERE id = $1 AND status IN ('queued', 'running')`,
    [jobId],
  );
  return updated > 0;
}

/** Records a running job's progress (0–1), which is a heartbeat too. */
export async function recordProgress(
  manager: EntityManager,
  jobId: string,
  progress: number,
): Promise<void> {
  await manager.query(`UPDATE import_job SET progress = $2, heartbeat_at = now() WHERE id = $1`, [
    jobId,
    progress,
  ]);
}

/** A team's imports (the team found in the workspace), newest first, keyset-paged on (created_at, id). */
export function importJobPage(
  manager: EntityManager,
  { workspaceId, teamId }: { workspaceId: string; teamId: string },
  page: PageQuery,
): Promise<ImportJobPage> {
  const query = manager
    .getRepository(ImportJob)
    .createQueryBuilder('job')
    .where('job.workspaceId = :workspaceId', { workspaceId })
    .andWhere('job.teamId = :teamId', { teamId });
  return keysetItems(query, page, createdAtIdOrder('job', 'DESC'), toImportJobResponse);
}

/** The import `id` of *this* workspace, or 404. */
export function findImportJob(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<ImportJob> {
  return findInWorkspaceOr404(
    manager,
    ImportJob,
    { workspaceId, where: { id } },
    'There is no such import here.',
  );
}

/** The import `id` of the workspace, if there is one. */
export function importJobOrNull(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<ImportJob | null> {
  return manager.getRepository(ImportJob).findOneBy({ id, workspaceId });
}

/** The import `id` of the workspace read again (the caller has found it: it is there). */
export function reloadImportJob(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<ImportJob> {
  return manager.getRepository(ImportJob).findOneByOrFail({ id, workspaceId });
}

/** Stores a new import job (the team found in its workspace by the caller). */
export function insertImportJob(
  manager: EntityManager,
  values: DeepPartial<ImportJob>,
): Promise<ImportJob> {
  return manager.getRepository(ImportJob).save(values);
}

/**
 * Records how an import ended, unless it has already ended: an outcome is final, so a late
 * attempt (a retry that took over a job whose first attempt was alive after all) cannot turn a
 * completed import into a failed one, or the reverse. Answers whether this outcome was recorded.
 */
export async function recordOutcome(
  manager: EntityManager,
  jobId: string,
  status: Extract<ImportJobStatus, 'completed' | 'failed'>,
  result: ImportResult,
): Promise<boolean> {
  const { affected } = await manager
    .createQueryBuilder()
    .update(ImportJob)
    .set({ status, result, progress: status === 'completed' ? 1 : 0, finishedAt: new Date() })
    .where('id = :jobId AND status IN (:...open)', { jobId, open: ['queued', 'running'] })
    .execute();
  return (affected ?? 0) > 0;
}
