import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SyncTrigger } from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { ClockService } from '../common/clock/clock.service.js';
import { SecretBox, SecretUnavailableError } from '../common/secrets/secret-box.js';
import {
  markTeamFlowStale,
  refreshTeamFlow,
} from '../delivery/flow-read-model/flow-read-model.service.js';
import {
  applyJiraFile,
  describeProblem,
  ImportFileError,
  type AppliedBatch,
  JIRA_SOURCE,
  JiraBatchReader,
} from '../imports/jira-pages.service.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { Scheduler } from '../jobs/jobs.module.js';
import { FLOW_REFRESH_JOB } from '../teams/team-flow-refresh.types.js';
import { lockTeamForImport } from '../teams/team.repository.js';
import {
  markItemsRemoved,
  presentItemKeys,
  restoreRemovedItems,
} from '../work-items/work-item-removal.repository.js';
import { JiraClient, JiraProblem } from './jira-client.js';
import { connectionOfWorkspace } from './jira-connection.repository.js';
import { credentialsOf } from './jira-credentials.js';
import { JiraReader, SEARCH_PAGE_SIZE, type SearchPage } from './jira-reader.js';
import { incrementalJql, fullJql, type JqlOrder, keysJql } from './jql.js';
import type { SyncRun } from './sync-run.entity.js';
import {
  abandonQueuedRun,
  activeRunOf,
  claimRun,
  extendLease,
  finishRun,
  holdRunLease,
  insertQueuedRun,
  insertQueuedRunIfIdle,
  LEASE_SECONDS,
  orphanedRuns,
  renewRun,
  runById,
  type RunLease,
} from './sync-run.repository.js';
import type { TeamSource } from './team-source.entity.js';
import { publishSyncFailed, publishSyncFailing } from './sync-notice.js';
import { sameSelection } from './source-selection.js';
import { dueSources, sourceById, updateSourceState } from './team-source.repository.js';

/** The queue job that runs one sync run. */
export const JIRA_SYNC_JOB = 'jira.sync';
type SyncJobPayload = { workspaceId: string; runId: string };

/** Jira's JQL dates have minute precision: go back at least this far behind the watermark. */
export const OVERLAP_MINUTES = 2;
/** How often an incremental sync also compares every key with Jira's to find removed issues. */
export const RECONCILE_EVERY_HOURS = 6;
/**
 * Issues written per transaction: pages are gathered up to this many. Smaller batches keep
 * each stretch of reading on the event loop short, so Cloud's one-after-another pages keep
 * coming while a batch is read and written, and hold fewer issues at once.
 */
const BATCH_ISSUES = 500;
/**
 * Search pages fetched ahead of the one being written: one batch, so the next batch is ready
 * when a write ends (fetching is faster than writing), without holding more issues than that.
 */
const PREFETCH_PAGES = BATCH_ISSUES / SEARCH_PAGE_SIZE;
/** A queued run whose job has not started after this long is sent to the queue again. */
const QUEUED_TOO_LONG_MS = 10 * 60_000;
/** The longest a failing source waits before the scheduler tries it again. */
export const MAX_RETRY_WAIT_MS = 24 * 3_600_000;

/** Thrown when this worker no longer holds its run's lease: another took it over. */
class LeaseLost extends Error {
  constructor() {
    super('the sync run was taken over by another worker');
  }
}

/** A batch of issues read as the import reads a file. */
type BatchFile = ReturnType<JiraBatchReader['file']>;

/** The running tallies of one run, saved with each renewal. */
type Tally = Pick<
  SyncRun,
  'id' | 'pages' | 'requests' | 'retries' | 'created' | 'updated' | 'unchanged' | 'removed' | 'mode'
>;

export type SyncRunOptions = {
  /** Aborting leaves the run to be taken over (as a killed process would). */
  signal?: AbortSignal;
  /** Called after each page is committed (tests stop a sync mid-way with it). */
  afterPage?: (page: number) => void | Promise<void>;
  /** Called once the run's reconciliation is committed (tests fail a run right after it). */
  afterReconcile?: () => void | Promise<void>;
  /** Tests replace the backoff waits of the Jira client. */
  sleep?: (ms: number) => Promise<void>;
  /** Issues per transaction (default `BATCH_ISSUES`); tests stop between smaller batches. */
  batchIssues?: number;
};

/**
 * The sync engine. A run is recorded before its job is queued, and at most one run of a source
 * is queued or running at a time (a unique column, whatever process asks). The job claims the
 * run with a lease on the database clock and a random token, and renews it after each page and
 * on a timer; every page is written in its own transaction, which first checks this worker
 * still holds the lease's token — so two processes never write one team at once, and a worker
 * that died (or stalled past its lease) is taken over, the one before then refused. Each page
 * goes through the import's idempotent upsert; the watermark moves only once every page is
 * committed, so a failed or killed sync starts again where the last good one ended, and a
 * rerun writes only what is still missing.
 */
@Injectable()
export class JiraSyncService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(JiraSyncService.name);
  private readonly stopping = new AbortController();
  private readonly running = new Set<Promise<void>>();
  /** Test hook: options for the runs this process starts from the queue. */
  queuedRunOptions: SyncRunOptions = {};

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly scheduler: Scheduler,
    private readonly clock: ClockService,
    private readonly secrets: SecretBox,
  ) {}

  onModuleInit(): void {
    this.queue.register<SyncJobPayload>(
      JIRA_SYNC_JOB,
      async ({ workspaceId, runId }) => {
        const { signal, ...hooks } = this.queuedRunOptions;
        const run = this.run(workspaceId, runId, {
          ...hooks,
          signal: signal ? AbortSignal.any([signal, this.stopping.signal]) : this.stopping.signal,
        });
        this.running.add(run);
        try {
          await run;
        } finally {
          this.running.delete(run);
        }
      },
      { concurrency: 2, retries: 2, timeoutSeconds: 2 * 60 * 60, heartbeatSeconds: 30 },
    );
    this.scheduler.register('jira-sync', (now) => this.startDue(now));
  }

  /** Whether no sync runs in this process (tests wait on it). */
  get idle(): boolean {
    return this.running.size === 0;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort(new Error('the server is stopping'));
    await Promise.allSettled([...this.running]);
  }

  /**
   * Records a queued run of the source and queues its job; when one is queued or running
   * already, answers that one.
   */
  async request(
    source: Pick<TeamSource, 'id' | 'workspaceId'>,
    trigger: SyncTrigger,
  ): Promise<SyncRun> {
    const manager = this.dataSource.manager;
    const run = await insertQueuedRun(manager, {
      workspaceId: source.workspaceId,
      sourceId: source.id,
      trigger,
      createdAt: this.clock.now(),
    });
    if (!run) {
      const active = await activeRunOf(manager, source.id);
      if (active) return active;
      // It ended between the two statements: ask once more.
      return this.request(source, trigger);
    }
    try {
      await this.enqueue(run);
    } catch (error) {
      await abandonQueuedRun(manager, run.id, {
        error: 'the sync could not be queued',
        finishedAt: this.clock.now(),
      });
      throw error;
    }
    return run;
  }

  /**
   * A sync that reads edits Jira just told of (a webhook burst). A queued run reads them; a
   * running one may have listed its issues before them, so the source notes the run, and
   * another `webhook` run follows it in the transaction that ends it. Nothing for a source
   * deleted, paused or broken since.
   */
  async requestAfterEdits(workspaceId: string, sourceId: string): Promise<void> {
    const idle = await this.dataSource.transaction(async (manager) => {
      // Under the source's row lock, which ending a run takes too: a run seen running here
      // cannot end without seeing the note.
      const source = await sourceById(manager, workspaceId, sourceId, true);
      if (!source || !source.enabled || source.state === 'broken') return null;
      const active = await activeRunOf(manager, source.id);
      if (active?.status === 'running') {
        await updateSourceState(manager, source.id, { resyncAfterRunId: active.id });
        return null;
      }
      // A queued run starts after the edits: it reads them.
      return active ? null : source;
    });
    if (idle) await this.request(idle, 'webhook');
  }

  /**
   * In the transaction that ends a run, under the source's row lock: when webhook events came
   * while it ran, queues the `webhook` run that follows it (unless the source is paused or
   * broken now).
   */
  private async followUp(
    manager: EntityManager,
    saved: TeamSource | null,
    runId: string,
    broken: boolean,
  ): Promise<void> {
    if (saved?.resyncAfterRunId !== runId) return;
    await updateSourceState(manager, saved.id, { resyncAfterRunId: null });
    if (!saved.enabled || broken || saved.state === 'broken') return;
    const run = await insertQueuedRunIfIdle(manager, {
      workspaceId: saved.workspaceId,
      sourceId: saved.id,
      trigger: 'webhook',
      createdAt: this.clock.now(),
    });
    if (run) await this.enqueue(run, manager);
  }

  /** The scheduler's due work: sources whose interval passed, and runs whose job was lost. */
  async startDue(now: Date): Promise<void> {
    for (const source of await dueSources(this.dataSource.manager, now)) {
      await this.request(source, 'schedule');
    }
    const lost = await orphanedRuns(
      this.dataSource.manager,
      new Date(now.getTime() - QUEUED_TOO_LONG_MS),
    );
    for (const run of lost) await this.enqueue(run);
  }

  /** Queues the run's job; with `transaction`, once that commits. */
  private async enqueue(
    run: Pick<SyncRun, 'id' | 'workspaceId' | 'sourceId'>,
    transaction?: EntityManager,
  ): Promise<void> {
    await this.queue.enqueue<SyncJobPayload>(
      JIRA_SYNC_JOB,
      { workspaceId: run.workspaceId, runId: run.id },
      {
        singletonKey: `${JIRA_SYNC_JOB}:${run.sourceId}`,
        ...(transaction ? { transaction } : {}),
      },
    );
  }

  /**
   * Runs the sync of `runId` if this worker can claim it (idempotent: an ended run, or one
   * another worker holds, is left alone).
   */
  async run(workspaceId: string, runId: string, options: SyncRunOptions = {}): Promise<void> {
    const manager = this.dataSource.manager;
    const lease = await claimRun(manager, runId, this.clock.now());
    if (!lease) return;
    const run = await runById(manager, workspaceId, runId);
    const source = run && (await sourceById(manager, workspaceId, run.sourceId));
    if (!run || !source) return;
    const tally: Tally = {
      id: run.id,
      pages: run.pages,
      requests: run.requests,
      retries: run.retries,
      created: run.created,
      updated: run.updated,
      unchanged: run.unchanged,
      removed: run.removed,
      mode: run.mode,
    };
    await updateSourceState(manager, source.id, { state: 'syncing' });
    // The lease is renewed after every batch, and also on a timer: a 429's backoff or a slow
    // page may wait longer than the lease lasts. Once another worker claimed the run, the
    // requests to Jira are aborted and this worker stops without touching the run.
    const leaseLost = new AbortController();
    const keeper = setInterval(
      () => {
        extendLease(manager, lease).then(
          (held) => {
            if (!held) leaseLost.abort(new LeaseLost());
          },
          () => undefined,
        );
      },
      (LEASE_SECONDS * 1000) / 3,
    );
    keeper.unref();
    let client: JiraClient | undefined;
    let credentialsSavedAt: Date | undefined;
    try {
      const connection = await connectionOfWorkspace(manager, workspaceId, source.connectionId);
      credentialsSavedAt = connection.updatedAt;
      client = new JiraClient(credentialsOf(connection, this.secrets), {
        signal: options.signal
          ? AbortSignal.any([options.signal, leaseLost.signal])
          : leaseLost.signal,
        ...(options.sleep ? { sleep: options.sleep } : {}),
      });
      // A run taken over keeps counting from where the earlier attempt recorded.
      client.requests = tally.requests;
      client.retries = tally.retries;
      const outcome = await this.sync(
        source,
        tally,
        lease,
        new JiraReader(client),
        client,
        options,
      );
      await this.succeed(source, tally, lease, client, outcome);
    } catch (error) {
      if (client) Object.assign(tally, liveTally(tally, client));
      if (error instanceof LeaseLost || leaseLost.signal.aborted) return;
      if (options.signal?.aborted) {
        // Stopped (shutdown): leave the run to be taken over once its lease lapses.
        await renewRun(manager, lease, tally).catch(() => undefined);
        return;
      }
      await this.fail(source, tally, lease, error, credentialsSavedAt);
    } finally {
      clearInterval(keeper);
    }
  }

  private async sync(
    source: TeamSource,
    tally: Tally,
    lease: RunLease,
    reader: JiraReader,
    client: JiraClient,
    options: SyncRunOptions,
  ): Promise<{ watermark: Date | null; reconciled: boolean; rebuild: boolean }> {
    const me = await reader.myself();
    const sprintField = await reader.sprintFieldId();
    const baseJql = source.jql ?? (await reader.boardJql(source.boardId as number));
    const boardSprints = source.boardId === null ? [] : await reader.boardSprints(source.boardId);
    const mode = source.watermark === null ? 'full' : 'incremental';
    tally.mode = mode;
    const jqlOrderedBy = (order: JqlOrder) =>
      mode === 'full'
        ? fullJql(baseJql, order)
        : incrementalJql(baseJql, source.watermark as Date, OVERLAP_MINUTES, me.timeZone, order);
    const jql = jqlOrderedBy('updated');
    // The same selection listed by key: an issue edited while the keys are listed keeps its place.
    const listingJql = jqlOrderedBy('key');
    const fields = [
      'summary',
      'status',
      'issuetype',
      'created',
      'resolutiondate',
      'parent',
      'updated',
      ...(sprintField ? [sprintField] : []),
      ...(source.storyPointsField ? [source.storyPointsField] : []),
    ];
    const mapping = {
      dateFormat: '',
      ...(source.storyPointsField ? { storyPointsField: source.storyPointsField } : {}),
      ...(sprintField ? { sprintField } : {}),
    };
    const seen = new Map<string, string>();
    let latest = source.watermark;
    // Items restored or marked removed change the team's rows beyond the pages' own.
    // A full sync rebuilds the read model once at its end instead of after every batch.
    let rebuild = mode === 'full';
    let sprintsPending = boardSprints.length > 0;
    let names: unknown;
    /**
     * The batch being read. Each page is read into it as it arrives — its changelogs completed,
     * its issues reduced to what the import uses — and Jira's JSON of the page let go, so no more
     * than the pages fetched ahead are held as JSON, and the reading comes in page-sized stretches
     * between the page requests of Cloud, which follow one another.
     */
    let reading: { issues: JiraBatchReader; stamps: [string, string][]; pages: number } | undefined;
    /** Completes a page's changelogs and reads it into the batch: network and CPU, no database. */
    const read = async (page: SearchPage) => {
      names ??= page.names;
      await reader.completeChangelogs(page.issues);
      const batch = (reading ??= { issues: new JiraBatchReader(names), stamps: [], pages: 0 });
      batch.issues.add(page.issues);
      batch.pages++;
      // Only each issue's key and `updated` are kept past here.
      for (const issue of page.issues) {
        const updated = issue.fields?.updated;
        if (typeof issue.key === 'string' && typeof updated === 'string') {
          batch.stamps.push([issue.key, updated]);
        }
      }
    };
    /** Writes a read batch in its transaction, then records it and renews the lease. */
    const write = async (stamps: [string, string][], file: BatchFile, pages: number) => {
      const applied = await this.writeBatch(source, tally, lease, file, mode === 'incremental');
      rebuild ||= applied.restored > 0;
      for (const [key, updated] of stamps) {
        seen.set(key, updated);
        const at = jiraInstant(updated);
        if (!Number.isNaN(at.getTime()) && (latest === null || at > latest)) latest = at;
      }
      tally.pages += pages;
      tally.requests = client.requests;
      tally.retries = client.retries;
      if (!(await renewRun(this.dataSource.manager, lease, liveTally(tally, client))))
        throw new LeaseLost();
      await options.afterPage?.(tally.pages);
    };
    // The batch being written while the next one is read: one write at a time, in order.
    let writing: Promise<void> = Promise.resolve();
    /** Ends the batch being read and writes it once the write before it has ended. */
    const flush = async () => {
      const batch = reading;
      reading = undefined;
      if ((batch?.issues.added ?? 0) === 0 && !sprintsPending) return;
      const file = readIssues(() =>
        (batch?.issues ?? new JiraBatchReader(names)).file(
          mapping,
          sprintsPending ? boardSprints : [],
        ),
      );
      sprintsPending = false;
      await writing;
      writing = write(batch?.stamps ?? [], file, batch?.pages ?? 0);
      // Awaited by the next batch or once the pages end; not unobserved in between.
      writing.catch(() => undefined);
    };
    // Pages are fetched ahead while a batch is written; a batch of pages is one transaction.
    // The key listing must begin after the last page was cut (to see every edit made while
    // paging), not after the last batch is written: it runs while the writes catch up.
    let listing: Promise<Map<string, string>> | undefined;
    const pages = thenStart(reader.search(jql, fields), () => {
      listing = reader.listKeys(listingJql);
      // Awaited below; a failure must not go unobserved if a write fails first.
      listing.catch(() => undefined);
    });
    let listed: Map<string, string>;
    try {
      for await (const page of prefetch(pages, PREFETCH_PAGES)) {
        await read(page);
        if ((reading?.issues.added ?? 0) >= (options.batchIssues ?? BATCH_ISSUES)) await flush();
      }
      await flush();
      await writing;
      // Paging is not a snapshot: an issue edited meanwhile moves in the order and may push
      // another past a page boundary. The key listing shows what the pages missed or what
      // changed since; those are read again by key.
      listed = await (listing ?? reader.listKeys(listingJql));
      const missed = [...listed]
        .filter(([key, updated]) => seen.get(key) !== updated)
        .map(([key]) => key);
      for (let start = 0; start < missed.length; start += SEARCH_PAGE_SIZE) {
        const keys = missed.slice(start, start + SEARCH_PAGE_SIZE);
        for await (const page of reader.search(keysJql(keys), fields)) {
          if (page.issues.length === 0) continue;
          await read(page);
          await flush();
        }
      }
      await writing;
    } finally {
      // A failure while a batch is written: it ends (or fails) before the run is recorded.
      await writing.catch(() => undefined);
    }
    const reconcile =
      mode === 'full' ||
      source.reconciledAt === null ||
      this.clock.now().getTime() - source.reconciledAt.getTime() >=
        RECONCILE_EVERY_HOURS * 3_600_000;
    if (reconcile) {
      const present = new Set(
        (mode === 'full' ? listed : await reader.listKeys(fullJql(baseJql, 'key'))).keys(),
      );
      // An issue this run read in its own pages is there, whatever a listing missed of it.
      for (const key of seen.keys()) present.add(key);
      rebuild = (await this.reconcile(source, lease, tally, present)) || rebuild;
      await options.afterReconcile?.();
    }
    return { watermark: latest, reconciled: reconcile, rebuild };
  }

  /** One batch, atomically, by this run's worker only (checked under the run's row lock). */
  private async writeBatch(
    source: TeamSource,
    tally: Tally,
    lease: RunLease,
    file: BatchFile,
    refreshFlow: boolean,
  ): Promise<AppliedBatch> {
    const applied = await this.dataSource.transaction(async (manager) => {
      if (!(await holdRunLease(manager, lease))) throw new LeaseLost();
      await lockTeamForImport(manager, source.teamId);
      return applyJiraFile(
        manager,
        { workspaceId: source.workspaceId, teamId: source.teamId },
        file,
        { refreshFlow },
      );
    });
    tally.created += applied.created;
    tally.updated += applied.updated;
    tally.unchanged += applied.unchanged;
    return applied;
  }

  /**
   * Marks the team's items Jira no longer lists for the source removed, and restores those
   * marked removed that it lists again (a removal is not final: an issue moved back, or one a
   * listing once missed, comes back even if it did not change since). Answers whether any
   * item's mark changed.
   */
  private async reconcile(
    source: TeamSource,
    lease: RunLease,
    tally: Tally,
    present: ReadonlySet<string>,
  ): Promise<boolean> {
    const scope = { workspaceId: source.workspaceId, teamId: source.teamId, source: JIRA_SOURCE };
    const { removed, restored } = await this.dataSource.transaction(async (manager) => {
      if (!(await holdRunLease(manager, lease))) throw new LeaseLost();
      const stored = await presentItemKeys(manager, scope);
      const gone = stored.filter((key) => !present.has(key));
      const marks = {
        removed: await markItemsRemoved(manager, scope, gone, this.clock.now()),
        restored: await restoreRemovedItems(manager, scope, [...present]),
      };
      // The run rebuilds the rows once it succeeds; should it not, readers must not be served
      // rows that still count the items removed here (or miss those restored), and a rerun
      // finds no mark left to change, so it would not rebuild them either.
      if (marks.removed > 0 || marks.restored > 0) {
        await markTeamFlowStale(manager, source.teamId);
      }
      return marks;
    });
    tally.removed += removed;
    return removed > 0 || restored > 0;
  }

  private async succeed(
    source: TeamSource,
    tally: Tally,
    lease: RunLease,
    client: JiraClient,
    outcome: { watermark: Date | null; reconciled: boolean; rebuild: boolean },
  ): Promise<void> {
    const now = this.clock.now();
    const final = liveTally(tally, client);
    await this.dataSource.transaction(async (manager) => {
      if (!(await holdRunLease(manager, lease))) throw new LeaseLost();
      // Under the source's row lock, which saving it takes too: a selection saved while this run
      // read the one before reset the watermark so that the next sync reads everything again.
      // This run's watermark and reconciliation are of the old selection: the reset stays.
      const saved = await sourceById(manager, source.workspaceId, source.id, true);
      const selectionKept = saved !== null && sameSelection(saved, source);
      // Each page refreshed the rows of the items it wrote; items marked removed or restored
      // change the team's rows as a whole.
      if (outcome.rebuild) await refreshTeamFlow(manager, source.workspaceId, source.teamId);
      await updateSourceState(manager, source.id, {
        state: 'ok',
        lastSyncAt: now,
        lastError: null,
        failingSince: null,
        retryAt: null,
        ...(selectionKept
          ? {
              watermark: outcome.watermark,
              ...(outcome.reconciled ? { reconciledAt: now } : {}),
            }
          : {}),
      });
      await finishRun(manager, lease, {
        ...countsOf(final),
        status: 'succeeded',
        error: null,
        finishedAt: now,
      });
      await this.followUp(manager, saved, lease.runId, false);
    });
  }

  /**
   * Ends the run failed, unless another worker took it over meanwhile (then it is theirs). The
   * scheduler tries the source again after its interval, or after as long as it has been
   * failing if that is longer (so the waits double), a day at most — not at every tick. A
   * source that fails again is told to the team's editors, once per stretch of failures.
   */
  private async fail(
    source: TeamSource,
    tally: Tally,
    lease: RunLease,
    error: unknown,
    credentialsSavedAt: Date | undefined,
  ): Promise<void> {
    const now = this.clock.now();
    const message = failureMessage(error);
    const refused =
      (error instanceof JiraProblem && error.refusesCredentials) ||
      error instanceof SecretUnavailableError;
    if (!refused) {
      this.logger.warn(`Jira sync of source ${source.id} failed: ${message}`);
    }
    await this.dataSource.transaction(async (manager) => {
      if (!(await holdRunLease(manager, lease))) return;
      // Under the source's row lock, as a webhook's request for a sync after this run takes it.
      const saved = await sourceById(manager, source.workspaceId, source.id, true);
      // Credentials saved on the connection after this run read them (the admin pasting the
      // new token while it ran) may be the fix: the refusal was of the old ones. The source is
      // not broken; a sync with the new ones follows at once.
      const resaved =
        refused &&
        credentialsSavedAt !== undefined &&
        (
          await connectionOfWorkspace(manager, source.workspaceId, source.connectionId)
        ).updatedAt.getTime() !== credentialsSavedAt.getTime();
      const broken = refused && !resaved;
      // Rows a failed run marked stale are rebuilt off the request, not by the next reader (a
      // no-op if the run wrote nothing that left them so).
      if (tally.created + tally.updated + tally.removed > 0) {
        await this.queue.enqueue(
          FLOW_REFRESH_JOB,
          { workspaceId: source.workspaceId, teamId: source.teamId },
          { singletonKey: `${FLOW_REFRESH_JOB}:${source.teamId}`, transaction: manager },
        );
      }
      const failingSince = source.failingSince ?? now;
      const retryAt = new Date(
        now.getTime() +
          Math.min(
            MAX_RETRY_WAIT_MS,
            Math.max(source.intervalMinutes * 60_000, now.getTime() - failingSince.getTime()),
          ),
      );
      await updateSourceState(manager, source.id, {
        state: broken ? 'broken' : 'ok',
        lastError: message,
        failingSince,
        retryAt: resaved ? null : retryAt,
      });
      await finishRun(manager, lease, {
        ...countsOf(tally),
        status: 'failed',
        error: message,
        finishedAt: now,
      });
      await this.followUp(manager, saved, lease.runId, broken);
      if (resaved && saved?.enabled) {
        const run = await insertQueuedRunIfIdle(manager, {
          workspaceId: source.workspaceId,
          sourceId: source.id,
          trigger: 'manual',
          createdAt: now,
        });
        if (run) await this.enqueue(run, manager);
      }
      if (!broken && !resaved && source.failingSince !== null) {
        await publishSyncFailing(manager, source, tally.id, failingSince, message, retryAt);
      }
      if (broken) {
        this.logger.warn(`Jira source ${source.id} is broken, its schedule paused: ${message}`);
        await publishSyncFailed(manager, source, tally.id, message);
        if (source.updatedByUserId !== null) {
          await recordAuditEvent(manager, {
            workspaceId: source.workspaceId,
            actor: { userId: source.updatedByUserId, tokenId: null, requestId: null },
            action: 'team-source.broken',
            target: { type: 'team-source', id: source.id },
            details: { teamId: source.teamId, reason: message },
          });
        }
      }
    });
  }
}

/**
 * Pulls up to `depth` items of `source` ahead of the consumer, so fetching pages and writing
 * them overlap. A failure of the source surfaces when the consumer reaches it.
 */
async function* prefetch<T>(source: AsyncGenerator<T>, depth: number): AsyncGenerator<T> {
  // An async generator queues `next()` calls and runs them one after another, so asking ahead
  // lets it fetch on while the consumer works.
  const ahead: Promise<IteratorResult<T>>[] = [];
  let ended = false;
  const ask = () => {
    while (!ended && ahead.length < depth) {
      const next = source.next();
      next.then(
        (result) => {
          if (result.done) ended = true;
        },
        () => {
          ended = true;
        },
      );
      ahead.push(next);
    }
  };
  try {
    for (;;) {
      ask();
      const next = ahead.shift();
      if (!next) return;
      const result = await next;
      if (result.done) return;
      yield result.value;
    }
  } finally {
    // Settle what was asked for before closing, so no request fails unobserved.
    await Promise.allSettled(ahead);
    await source.return(undefined);
  }
}

/** Reads issues as the import reads a file; unreadable issues fail the sync in words. */
function readIssues<T>(reading: () => T): T {
  try {
    return reading();
  } catch (error) {
    if (error instanceof ImportFileError) {
      throw new Error(
        `Jira sent issues that cannot be read: ${describeProblem(error.problems[0] ?? { message: error.message })}`,
        { cause: error },
      );
    }
    throw error;
  }
}

/** The items of `source`, then `next()` once it ended without failing. */
async function* thenStart<T>(source: AsyncGenerator<T>, next: () => void): AsyncGenerator<T> {
  yield* source;
  next();
}

/** Jira's `2026-01-05T09:00:00.000+0000` (an offset without a colon) as an instant. */
function jiraInstant(value: string): Date {
  return new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

/** The tally without the run's id, as the run's columns take it. */
function countsOf({ id: _id, ...counts }: Tally): Omit<Tally, 'id'> {
  return counts;
}

function liveTally(tally: Tally, client: JiraClient): Tally {
  return { ...tally, requests: client.requests, retries: client.retries };
}

function failureMessage(error: unknown): string {
  if (error instanceof JiraProblem || error instanceof SecretUnavailableError) return error.message;
  if (error instanceof Error && error.message.startsWith('Jira sent issues')) return error.message;
  return 'the sync failed unexpectedly; nothing after the last committed page was stored';
}
