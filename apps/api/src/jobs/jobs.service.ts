import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job, JobListQuery, JobPage, JobState } from '@bearing/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/caller.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { createdAtIdPosition, decodeCursor, toPage } from '../common/pagination/cursor.js';
import { ProblemException } from '../common/problem/problem.js';
import { JobQueue } from './job-queue.service.js';
import {
  findWorkspaceJob,
  type JobRow,
  lockWorkspaceJob,
  selectWorkspaceJobs,
} from './jobs.repository.js';

const NO_SUCH_JOB = 'No such job in this workspace.';

/** pg-boss's states in the five words of the API. */
const STATES_OF: Record<JobState, string[]> = {
  queued: ['created', 'retry'],
  running: ['active'],
  completed: ['completed'],
  failed: ['failed'],
  cancelled: ['cancelled'],
};

/**
 * The jobs page of a workspace: its background jobs read straight from the queue's table
 * (jobs carry their workspace in their payload), newest first, and a retry of a failed one.
 */
@Injectable()
export class JobsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
  ) {}

  /** The workspace's jobs; for `null` (instance admins), the jobs of no workspace. */
  async list(workspaceId: string | null, query: JobListQuery): Promise<JobPage> {
    const after = decodeCursor(query.cursor, createdAtIdPosition);
    const rows = await selectWorkspaceJobs(this.dataSource.manager, workspaceId, {
      ...(query.state ? { states: STATES_OF[query.state] } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(after ? { after: { createdAt: after[0], id: after[1] } } : {}),
      limit: query.limit + 1,
    });
    return toPage(rows, query.limit, toJob, (row) => [row.created_on.toISOString(), row.id]);
  }

  /**
   * Sends a failed job of the workspace back to the queue (audited); 409 naming the state
   * otherwise (a cancelled job too: pg-boss does not retry it).
   * The job row is locked, sent back and audited in one transaction, so the log records only a
   * retry that happened, once.
   */
  async retry(workspaceId: string, actor: Actor, id: string): Promise<Job> {
    await this.dataSource.transaction(async (manager) => {
      const row = await lockWorkspaceJob(manager, workspaceId, id);
      if (!row) throw ProblemException.notFound(NO_SUCH_JOB);
      if (row.state !== 'failed') {
        throw ProblemException.conflict(
          'job-not-failed',
          `Only a failed job can be retried; this one is ${toJob(row).state}.`,
        );
      }
      await this.queue.retry(row.name, id, { transaction: manager });
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'job.retried',
        target: { type: 'job', id },
        details: { kind: row.name, attempts: toJob(row).attempts },
      });
    });
    return toJob(await this.find(workspaceId, id));
  }

  private async find(workspaceId: string, id: string): Promise<JobRow> {
    const row = await findWorkspaceJob(this.dataSource.manager, workspaceId, id);
    if (!row) throw ProblemException.notFound(NO_SUCH_JOB);
    return row;
  }
}

function toJob(row: JobRow): Job {
  const state = (Object.keys(STATES_OF) as JobState[]).find((candidate) =>
    STATES_OF[candidate].includes(row.state),
  );
  const finished = state === 'completed' || state === 'failed' || state === 'cancelled';
  const started = row.started_on !== null;
  return {
    id: row.id,
    kind: row.name,
    state: state ?? 'queued',
    attempts: row.retry_count + (started && state !== 'queued' ? 1 : 0),
    error: state === 'failed' ? errorMessageOf(row.output) : null,
    createdAt: row.created_on.toISOString(),
    startedAt: row.started_on?.toISOString() ?? null,
    finishedAt: finished ? (row.completed_on?.toISOString() ?? null) : null,
    durationMs:
      finished && row.started_on && row.completed_on
        ? Math.max(0, row.completed_on.getTime() - row.started_on.getTime())
        : null,
  };
}

/** pg-boss keeps a failed attempt's serialised error as the job's output: its message only. */
function errorMessageOf(output: unknown): string | null {
  if (output && typeof output === 'object') {
    const message = (output as { message?: unknown }).message;
    if (typeof message === 'string' && message.length > 0) return message.slice(0, 2000);
  }
  return output === null || output === undefined ? null : 'the job failed';
}
