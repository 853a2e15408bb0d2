import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  IMPORT_MAX_ISSUES,
  type ImportJob as ImportJobResponse,
  type ImportMapping,
  type ImportPreview,
  type ImportProblem,
  type ImportResult,
  type ImportUploadFields,
  importUploadFieldsSchema,
  type TeamWorkflow,
} from '@bearing/contracts';
import { DataSource, QueryFailedError } from 'typeorm';
import type { Actor } from '../access/caller.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { PROBLEM_TYPE_BASE, ProblemException } from '../common/problem/problem.js';
import { ZodPipe } from '../common/validation/zod.pipe.js';
import { WorkerPool, workerTask } from '../common/worker-pool/worker-pool.js';
import { Housekeeping } from '../jobs/housekeeping.service.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import {
  findTeam,
  lockTeamForImport,
  saveTeam,
  teamOfWorkspace,
} from '../teams/team.repository.js';
import type { Team } from '../teams/team.entity.js';
import { rememberJiraSite } from '../work-items/jira-site.repository.js';
import { type ImportFile, ImportFileError } from './import-file.js';
import {
  beat,
  failStaleImportJobs,
  HEARTBEAT_INTERVAL_MS,
  importJobOrNull,
  insertImportJob,
  markRunning,
  recordOutcome,
  recordProgress,
} from './import-job.repository.js';
import type { ImportJob } from './import-job.entity.js';
import { toImportJobResponse } from './import-job.mapper.js';
import { planImport } from './import-plan.js';
import type {
  ImportReadOutcome,
  readImportUpload,
  warmUpImportReader,
} from './import-read.worker.js';
import { publishImportFailed } from './import-notice.js';
import { failedResult, resultOf, workflowWithMapping } from './import-result.js';
import { refreshFlowOfPlan, writePlan } from './import-writer.js';
import { ReadUploads } from './read-uploads.js';
import { cleanText } from './jira/text-limits.js';
import {
  removeStaleUploads,
  removeUpload,
  type StoredUpload,
  UPLOAD_FILE_PREFIX,
} from './upload-storage.js';
import {
  deleteUpload,
  deleteUploadsOfEndedImports,
  restoreUpload,
  storeUpload,
} from './import-upload.repository.js';

export type UploadedImport = { file: StoredUpload | undefined; fields: unknown };

const fieldsPipe = new ZodPipe(importUploadFieldsSchema);

const readTask = workerTask<typeof readImportUpload>(
  new URL('./import-read.worker.js', import.meta.url),
  'readImportUpload',
);

const warmUpTask = workerTask<typeof warmUpImportReader>(
  new URL('./import-read.worker.js', import.meta.url),
  'warmUpImportReader',
);

/** The queue job that runs one import, on whichever worker process takes it. */
export const JIRA_IMPORT_JOB = 'jira.import';
type ImportJobPayload = {
  workspaceId: string;
  importJobId: string;
  fields: ImportUploadFields;
  actor: Actor;
};

/**
 * Jira imports. The file is read (and checked) on the worker pool while the request waits, so
 * an unreadable file is a 400 (a 413 beyond 100,000 issues); a dry run then compares and answers. A real import records a job `queued` with its
 * upload kept in the database, answers 202, and a queue worker writes it — in ONE transaction,
 * so any failure stores nothing — while the job row, written outside that transaction, shows
 * progress and survives a failure. A worker that dies mid-import stops its queue heartbeat; the
 * queue hands the job to another worker, which finds the upload and starts it again.
 */
@Injectable()
export class ImportsService
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(ImportsService.name);
  private readonly running = new Set<Promise<void>>();
  private readonly readUploads = new ReadUploads();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly housekeeping: Housekeeping,
    private readonly workers: WorkerPool,
  ) {}

  onModuleInit(): void {
    this.queue.register<ImportJobPayload>(JIRA_IMPORT_JOB, (payload) => this.runQueued(payload), {
      // Imports of different teams run side by side; one team's imports queue behind its lock.
      concurrency: 3,
      // A worker that stops beating for 10 s is presumed dead and its import is retried.
      heartbeatSeconds: 10,
      timeoutSeconds: 60 * 60,
      retries: 2,
    });
    this.housekeeping.addSweep('uploads', 'upload(s) of ended imports', (manager) =>
      deleteUploadsOfEndedImports(manager),
    );
  }

  async start(
    workspaceId: string,
    actor: Actor,
    teamRef: string,
    upload: UploadedImport,
  ): Promise<ImportPreview | ImportJobResponse> {
    try {
      // The team first: a caller who may not see it learns nothing about the upload's validity.
      const team = await findTeam(this.dataSource.manager, workspaceId, teamRef);
      const fields: ImportUploadFields = fieldsPipe.transform(upload.fields ?? {});
      const file = upload.file;
      if (!file) {
        throw ProblemException.validation([
          { path: 'file', message: 'attach the Jira export as the "file" part' },
        ]);
      }
      const workflow = workflowWithMapping(team.workflow, fields.mapping);
      const described = { format: fields.format, fileName: fileNameOf(file), fileSize: file.size };
      if (fields.dryRun) {
        const contents = await this.readReceived(file, fields, team).catch((error: unknown) => {
          throw error instanceof ImportFileError ? unreadableFile(error) : error;
        });
        const plan = await planImport(
          this.dataSource.manager,
          { workspaceId, teamId: team.id },
          contents,
        );
        return { dryRun: true, ...described, result: resultOf(contents, plan, workflow) };
      }
      // Read and checked now, so an unreadable file is refused here and never queued; the
      // refusal still shows in the team's import history, with its problems. The upload is
      // stored meanwhile, in a transaction that commits only once the file has read.
      const reading = this.readReceived(file, fields, team).then(
        (contents) => ({ contents, refusal: undefined }),
        (error: unknown) => {
          if (error instanceof ImportFileError) return { contents: undefined, refusal: error };
          throw error;
        },
      );
      // Awaited below; this only keeps a failure from going unhandled while the upload is stored.
      reading.catch(() => undefined);
      // A file not read while it arrived may wait for a pool thread before its reading starts:
      // the transaction below would hold a database connection all that time.
      if (!file.readAhead) await reading;
      let kept: string | undefined;
      const queued = await this.dataSource
        .transaction(async (manager) => {
          const saved = await insertImportJob(manager, {
            workspaceId,
            teamId: team.id,
            createdByUserId: actor.userId,
            ...described,
            status: 'queued',
            progress: 0,
            result: null,
            finishedAt: null,
          });
          await storeUpload(manager, saved.id, file.path);
          const read = await reading;
          if (read.refusal) throw read.refusal;
          // The queued job takes the file already read when it runs in this process (kept
          // before the commit makes the job visible; let go of below if the commit fails).
          if (this.queue.runsJobs) {
            this.readUploads.keep(saved.id, read.contents, fields, team.timeZone);
            kept = saved.id;
          }
          // Queued by this transaction: a job row with its upload always has its queue job, even
          // if this process dies right after the commit.
          await this.queue.enqueue<ImportJobPayload>(
            JIRA_IMPORT_JOB,
            { workspaceId, importJobId: saved.id, fields, actor },
            { transaction: manager },
          );
          return saved;
        })
        .catch((error: unknown) => {
          if (kept !== undefined) this.readUploads.take(kept);
          if (error instanceof ImportFileError) return error;
          throw error;
        });
      if (queued instanceof ImportFileError) {
        await insertImportJob(this.dataSource.manager, {
          workspaceId,
          teamId: team.id,
          createdByUserId: actor.userId,
          ...described,
          status: 'failed',
          progress: 0,
          result: failedResult(listedProblems(queued)),
          finishedAt: new Date(),
        });
        throw unreadableFile(queued);
      }
      return toImportJobResponse(queued);
    } finally {
      await removeUpload(upload.file);
    }
  }

  /**
   * The queue job: runs the import of `importJobId` from its stored upload. Idempotent — an
   * import that already ended is left alone, and a retried one starts over (the earlier
   * attempt's transaction died with its worker, so nothing of it was stored).
   */
  private async runQueued({ workspaceId, importJobId, fields, actor }: ImportJobPayload) {
    const job = await importJobOrNull(this.dataSource.manager, workspaceId, importJobId);
    if (!job || job.status === 'completed' || job.status === 'failed') return;
    const team = await teamOfWorkspace(this.dataSource.manager, workspaceId, job.teamId);
    const alreadyRead = this.readUploads.take(job.id, fields, team.timeZone);
    // Another attempt may have ended it since it was read: then this one has nothing to do.
    if (alreadyRead && !(await markRunning(this.dataSource.manager, job.id))) return;
    const contents = alreadyRead ?? (await this.readStoredUpload(job, fields, team));
    if (!contents) return;
    const run = this.run(job, { workspaceId, teamId: team.id }, contents, fields.mapping, actor);
    this.track(run);
    await run;
  }

  /**
   * Reads the job's stored upload (the file read at upload time is not in this process), or
   * records why it cannot and answers nothing.
   */
  private async readStoredUpload(
    job: ImportJob,
    fields: ImportUploadFields,
    team: Team,
  ): Promise<ImportFile | undefined> {
    const file = path.join(tmpdir(), `${UPLOAD_FILE_PREFIX}${randomUUID()}`);
    try {
      if (!(await restoreUpload(this.dataSource, job.id, file))) {
        await this.fail(
          job,
          failedResult([{ message: 'the uploaded file is gone; nothing was stored' }]),
        );
        return undefined;
      }
      if (!(await markRunning(this.dataSource.manager, job.id))) return undefined;
      try {
        return await this.readUpload({ path: file }, fields, team);
      } catch (error) {
        await this.fail(
          job,
          failedResult(
            error instanceof ImportFileError
              ? listedProblems(error)
              : [{ message: 'the file could not be read; nothing was stored' }],
          ),
        );
        return undefined;
      }
    } finally {
      await removeUpload({ path: file });
    }
  }

  /**
   * Imports a stopped server left `running` (their transaction rolled back with it) are failed
   * at start-up, once their heartbeat is stale — a live import of another API process is not.
   */
  async onApplicationBootstrap(): Promise<void> {
    // Where uploads are received, the reader's thread loads its modules now, in the
    // background, not during the first upload; if that fails (the server stops first), the
    // first upload loads them as before. A worker process reads only the uploads of jobs other
    // processes received — rarely — and does not keep a thread (some 27 MB) warm for them.
    if (this.queue.servesHttp) this.workers.run(warmUpTask, undefined).catch(() => undefined);
    const leftOver = await removeStaleUploads().catch(() => 0);
    if (leftOver > 0) {
      this.logger.warn(`Removed ${leftOver} temporary upload file(s) a stopped server left.`);
    }
    const failed = await failStaleImportJobs(this.dataSource.manager, 'all');
    if (failed > 0) {
      this.logger.warn(`Marked ${failed} import(s) cut off by a stopped server as failed.`);
    }
  }

  /** Lets running imports finish (or fail) before the database pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.readUploads.clear();
    await Promise.allSettled([...this.running]);
  }

  /**
   * The upload as read while it was received, if that reading was for these very fields; else
   * reads it now. A refused file throws its `ImportFileError`.
   */
  private async readReceived(
    file: StoredUpload,
    fields: ImportUploadFields,
    team: Team,
  ): Promise<ImportFile> {
    const ahead = file.readAhead;
    if (!ahead || !isDeepStrictEqual(ahead.fields, fields)) {
      return this.readUpload(file, fields, team);
    }
    return fileOf(await ahead.reading);
  }

  /** Reads the upload on the worker pool; a refused file throws its `ImportFileError`. */
  private async readUpload(
    file: { path: string },
    fields: ImportUploadFields,
    team: Team,
  ): Promise<ImportFile> {
    return fileOf(
      await this.workers.run(readTask, {
        path: file.path,
        format: fields.format,
        mapping: fields.mapping,
        teamTimeZone: team.timeZone,
      }),
    );
  }

  private track(run: Promise<void>): void {
    const tracked = run.finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  private async run(
    job: ImportJob,
    target: { workspaceId: string; teamId: string },
    file: ImportFile,
    mapping: ImportMapping,
    actor: Actor,
  ): Promise<void> {
    // The heartbeat runs beside the import's transaction, on a pool connection of its own, so
    // a reader can tell a slow import from one whose server stopped.
    const heartbeat = setInterval(() => {
      beat(this.dataSource.manager, job.id).catch((error: unknown) =>
        this.logger.warn(`Import ${job.id}: heartbeat not written: ${String(error)}`),
      );
    }, HEARTBEAT_INTERVAL_MS);
    heartbeat.unref();
    try {
      await this.dataSource.transaction(async (manager) => {
        // One import per team at a time — and one attempt per import: an attempt that waited
        // here for another that has since ended writes nothing.
        await lockTeamForImport(manager, target.teamId);
        const current = await importJobOrNull(manager, target.workspaceId, job.id);
        if (current?.status !== 'queued' && current?.status !== 'running') {
          throw new ImportEndedElsewhere();
        }
        const team = await teamOfWorkspace(manager, target.workspaceId, target.teamId);
        const workflow = workflowWithMapping(team.workflow, mapping);
        const plan = await planImport(manager, target, file);
        let lastReported = 0;
        await writePlan(manager, target, plan, async (written, total) => {
          const progress = total === 0 ? 1 : Math.min(0.99, written / total);
          if (progress - lastReported < 0.01) return;
          lastReported = progress;
          await recordProgress(this.dataSource.manager, job.id, progress);
        });
        if (!sameWorkflow(team.workflow, workflow)) {
          team.workflow = workflow;
          await saveTeam(manager, team);
        }
        await refreshFlowOfPlan(manager, target, plan);
        await rememberJiraSite(manager, team.id, file.jiraSite);
        const result = resultOf(file, plan, workflow);
        await recordAuditEvent(manager, {
          workspaceId: target.workspaceId,
          actor,
          action: 'work-items.imported',
          target: { type: 'import', id: job.id },
          details: {
            teamId: team.id,
            format: job.format,
            fileName: job.fileName,
            created: result.created,
            updated: result.updated,
            unchanged: result.unchanged,
          },
        });
        // The outcome commits with the write: a worker that dies after the commit leaves a
        // completed job, which a retry leaves alone, rather than a running one it imports again.
        if (!(await recordOutcome(manager, job.id, 'completed', result))) {
          // Failed meanwhile as stale (its heartbeat lapsed): the outcome stands, the write goes.
          throw new ImportEndedElsewhere();
        }
        await deleteUpload(manager, job.id);
      });
    } catch (error) {
      if (error instanceof ImportEndedElsewhere) {
        this.logger.warn(`Import ${job.id} had already ended; this attempt wrote nothing.`);
        return;
      }
      this.logger.error(
        `Import ${job.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      await this.fail(
        job,
        failedResult([...file.problems, { message: failureMessage(error) }]),
      ).catch((finishError: unknown) =>
        this.logger.error(`Import ${job.id}: could not record the failure: ${String(finishError)}`),
      );
    } finally {
      clearInterval(heartbeat);
    }
  }

  /**
   * Records a failure and lets go of the upload: an ended import never runs again. The failure
   * is published (`import.failed`) in the same transaction. (A completed import records its
   * outcome in its own write's transaction.)
   */
  private async fail(job: ImportJob, result: ImportResult) {
    await this.dataSource.transaction(async (manager) => {
      // An import another attempt ended keeps its outcome, and nobody hears of a failure.
      if (!(await recordOutcome(manager, job.id, 'failed', result))) return;
      await deleteUpload(manager, job.id);
      await publishImportFailed(manager, job, result);
    });
  }
}

/** Thrown inside an import's transaction to roll it back: another attempt ended the import. */
class ImportEndedElsewhere extends Error {}

/** The file a worker read, or its refusal thrown as an `ImportFileError`. */
function fileOf(read: ImportReadOutcome): ImportFile {
  if (read.outcome === 'refused') {
    throw new ImportFileError(read.problems, { reason: read.reason, truncated: read.truncated });
  }
  return { ...read.file, sprints: new Map(read.file.sprints) };
}

/** The problems a refused file shows in the import history, with a word when the list stops early. */
function listedProblems(error: ImportFileError): ImportProblem[] {
  return error.truncated
    ? [
        ...error.problems,
        {
          message: `…reading stopped here: only the first ${error.problems.length} problems are listed`,
        },
      ]
    : error.problems;
}

/**
 * 400 with every problem (`path` is the issue key or `line N`, `detail` the first problem, and
 * `truncated` when reading stopped at the cap of listed problems), or 413 for a file with more
 * issues than one import may hold.
 */
function unreadableFile(error: ImportFileError): ProblemException {
  if (error.reason === 'too-many-issues') {
    return new ProblemException({
      type: `${PROBLEM_TYPE_BASE}too-many-issues`,
      title: 'Content Too Large',
      status: 413,
      detail: `The file holds more than ${IMPORT_MAX_ISSUES.toLocaleString('en-US')} issues, the most one import may hold: export and import the history in parts. Nothing was stored.`,
    });
  }
  return new ProblemException({
    type: `${PROBLEM_TYPE_BASE}unreadable-import`,
    title: 'Unreadable import file',
    status: 400,
    detail: error.message,
    errors: error.problems.map((problem) => ({
      path: problem.key ?? (problem.line === undefined ? 'file' : `line ${problem.line}`),
      message:
        problem.line !== undefined && problem.key
          ? `line ${problem.line}: ${problem.message}`
          : problem.message,
    })),
    ...(error.truncated ? { truncated: true } : {}),
  });
}

function failureMessage(error: unknown): string {
  if (error instanceof ProblemException) {
    return `${error.problem.detail ?? error.problem.title}; nothing was stored`;
  }
  const code =
    error instanceof QueryFailedError
      ? (error.driverError as { code?: unknown } | undefined)?.code
      : undefined;
  return typeof code === 'string'
    ? `the database refused the import (SQLSTATE ${code}); nothing was stored`
    : 'the import failed; nothing was stored';
}

function fileNameOf(file: StoredUpload): string {
  return cleanText(file.originalname || 'upload', 255);
}

function sameWorkflow(first: TeamWorkflow, second: TeamWorkflow): boolean {
  return JSON.stringify(first) === JSON.stringify(second);
}
