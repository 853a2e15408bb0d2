import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { PgBoss } from 'pg-boss';
import type { EntityManager } from 'typeorm';
import type { ProcessRole } from '../config/config.js';
import { queueDatabaseIn } from './queue-transaction.repository.js';

/** Where the queue lives and what this process does with it; provided by `JobsModule`. */
export const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');
export type JobsOptions = {
  /** The database the queue shares with the application (its own schema, `pgboss`). */
  connectionString: string;
  role: ProcessRole;
};

/** The payload every job carries: the workspace it belongs to, if any (for the jobs page). */
export type JobPayload = { workspaceId?: string };

export type JobHandler<Payload extends JobPayload> = (
  payload: Payload,
  job: { id: string; signal: AbortSignal },
) => Promise<void>;

/** How a kind of job is retried and supervised; the defaults suit short idempotent work. */
export type JobKindOptions = {
  /** Attempts after the first; backoff doubles from `retryDelaySeconds`. */
  retries?: number;
  retryDelaySeconds?: number;
  /** The longest one attempt may run before it counts as failed and is retried. */
  timeoutSeconds?: number;
  /**
   * Jobs that run longer than a few seconds beat every `heartbeatSeconds / 2`; a worker that
   * dies stops beating, and the job is retried elsewhere once the heartbeat is this old.
   */
  heartbeatSeconds?: number;
  /** Parallel jobs of this kind per worker process. */
  concurrency?: number;
};

export type EnqueueOptions = {
  /** At most one queued-or-running job per key (e.g. one import per team). */
  singletonKey?: string;
  runAt?: Date;
  /** Enqueue within this transaction: the job exists once it commits, and never if it rolls back. */
  transaction?: EntityManager;
};

type Registration = {
  handler: JobHandler<JobPayload>;
  options: JobKindOptions;
  cron?: string;
};

export const JOB_SCHEMA = 'pgboss';

/**
 * The one job queue (pg-boss on Bearing's own PostgreSQL): features register a handler per
 * kind of job (`register`), optionally on a cron schedule that fires once per cluster however
 * many processes run, and `enqueue` work. Every process can enqueue; only `worker` and `all`
 * processes run handlers and keep the schedules. Jobs are retried with exponential backoff
 * and a failed job keeps its error; see docs/architecture.md for why pg-boss.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private readonly kinds = new Map<string, Registration>();
  private boss: PgBoss | undefined;
  private started: Promise<void> | undefined;

  constructor(@Inject(JOBS_OPTIONS) private readonly options: JobsOptions) {}

  /** Called by feature services in their constructor or `onModuleInit`, before the queue starts. */
  register<Payload extends JobPayload>(
    kind: string,
    handler: JobHandler<Payload>,
    options: JobKindOptions & { cron?: string } = {},
  ): void {
    if (this.started) throw new Error(`job kind ${kind} registered after the queue started`);
    if (this.kinds.has(kind)) throw new Error(`job kind ${kind} is registered twice`);
    const { cron, ...kindOptions } = options;
    this.kinds.set(kind, {
      handler: handler as JobHandler<JobPayload>,
      options: kindOptions,
      ...(cron ? { cron } : {}),
    });
  }

  get runsJobs(): boolean {
    return this.options.role !== 'web';
  }

  /** Whether this process serves HTTP (`web` or `all`); a `worker` process only runs jobs. */
  get servesHttp(): boolean {
    return this.options.role !== 'worker';
  }

  async onApplicationBootstrap(): Promise<void> {
    this.started ??= this.start();
    await this.started;
  }

  /** Enqueues a job; resolves its id, or `null` when a job with the same singleton key waits. */
  async enqueue<Payload extends JobPayload>(
    kind: string,
    payload: Payload,
    options: EnqueueOptions = {},
  ): Promise<string | null> {
    if (!this.kinds.has(kind)) throw new Error(`unknown job kind ${kind}`);
    return this.queue().send(kind, payload, {
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.runAt ? { startAfter: options.runAt } : {}),
      ...(options.transaction ? { db: queueDatabaseIn(options.transaction) } : {}),
    });
  }

  /**
   * Sends a failed job back to the queue (pg-boss ignores a job that is not failed), in the
   * caller's transaction when given one.
   */
  async retry(
    kind: string,
    id: string,
    options: { transaction?: EntityManager } = {},
  ): Promise<void> {
    await this.queue().retry(
      kind,
      id,
      options.transaction ? { db: queueDatabaseIn(options.transaction) } : {},
    );
  }

  /** Stops taking jobs, lets running ones finish (up to `timeoutMs`), closes its pool. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /**
   * Gives running jobs up to `timeoutMs` (inside the 10 s shutdown after the HTTP drain); a job
   * still running then is left to the queue, which retries it elsewhere once its heartbeat or
   * timeout lapses.
   */
  async stop(timeoutMs = 3000): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    if (boss) await boss.stop({ graceful: true, timeout: timeoutMs });
  }

  private queue(): PgBoss {
    if (!this.boss) throw new Error('the job queue is not running');
    return this.boss;
  }

  private async start(): Promise<void> {
    const runsJobs = this.runsJobs;
    const boss = new PgBoss({
      connectionString: this.options.connectionString,
      schema: JOB_SCHEMA,
      application_name: `bearing-${this.options.role}`,
      max: runsJobs ? 6 : 2,
      // Only processes that run jobs supervise them: expire, retry, and fire the schedules.
      supervise: runsJobs,
      schedule: runsJobs,
      // A dead worker's heartbeat is noticed within seconds, not at the default minute.
      monitorIntervalSeconds: 5,
      superviseIntervalSeconds: 5,
      // Cron schedules are evaluated every 10 s (default 30), so a minute tick fires near its minute.
      cronMonitorIntervalSeconds: 10,
      // A new job wakes its worker at once (Postgres NOTIFY on one held connection) instead of
      // within the next poll, so "Import" starts when clicked; polling stays as the floor.
      useListenNotify: runsJobs,
    });
    boss.on('error', (error: Error) => this.logger.error(`job queue: ${error.message}`));
    await boss.start();
    this.boss = boss;
    for (const [kind, registration] of this.kinds) {
      const { retries = 3, retryDelaySeconds = 5, timeoutSeconds = 300 } = registration.options;
      await boss.createQueue(kind, {
        retryLimit: retries,
        retryDelay: retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: timeoutSeconds,
        notify: true,
        ...(registration.options.heartbeatSeconds
          ? { heartbeatSeconds: registration.options.heartbeatSeconds }
          : {}),
      });
      if (!runsJobs) continue;
      if (registration.cron) await boss.schedule(kind, registration.cron, {}, { tz: 'UTC' });
      await boss.work<JobPayload>(
        kind,
        {
          localConcurrency: registration.options.concurrency ?? 1,
          pollingIntervalSeconds: 1,
          // Retries and delayed jobs send no NOTIFY: keep the one-second poll for them too
          // (pg-boss relaxes it to 30 s while NOTIFY is active).
          notifyPollingIntervalSeconds: 1,
        },
        async ([job]) => {
          if (!job) return;
          await registration.handler(job.data, { id: job.id, signal: job.signal });
        },
      );
    }
  }
}
