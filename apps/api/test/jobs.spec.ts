import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { auditEventPageSchema, type Job, jobPageSchema, jobSchema } from '@bearing/contracts';
import { ClockService } from '../src/common/clock/clock.service.js';
import { Housekeeping } from '../src/jobs/housekeeping.service.js';
import { JOB_SCHEMA, JobQueue } from '../src/jobs/job-queue.service.js';
import { Scheduler } from '../src/jobs/scheduler.js';
import {
  type Browser,
  createMember,
  createUser,
  createWorkspace,
  signIn,
  type TestWorkspace,
} from './support/factories.js';
import { createTeam } from './support/delivery-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The job queue on the real PostgreSQL: a test-only job kind that fails on demand shows
 * retries with backoff, the failed state with its error, and an admin's retry through the API;
 * the minute scheduler's tick and housekeeping run against the pinned clock and real rows.
 */
const attemptsByKey = new Map<string, number>();
/** Payload: fail the first `failTimes` attempts of the job with `key`. */
type FlakyPayload = { workspaceId: string; key: string; failTimes: number };

@Injectable()
class FlakyJobs implements OnModuleInit {
  constructor(private readonly queue: JobQueue) {}
  onModuleInit(): void {
    this.queue.register<FlakyPayload>(
      'test.flaky',
      ({ key, failTimes }) => {
        const attempt = (attemptsByKey.get(key) ?? 0) + 1;
        attemptsByKey.set(key, attempt);
        return attempt <= failTimes
          ? Promise.reject(new Error(`attempt ${attempt} of ${key} failed on purpose`))
          : Promise.resolve();
      },
      { retries: 1, retryDelaySeconds: 1 },
    );
  }
}

@Module({ providers: [FlakyJobs] })
class FlakyJobsModule {}

/** Waits until `check` holds, polling: jobs run on the queue's own schedule. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`gave up waiting; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('background jobs', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let admin: Browser;
  let viewer: Browser;

  beforeAll(async () => {
    testApp = await createTestApp({}, [FlakyJobsModule]);
    const owner = await createUser(testApp);
    workspace = await createWorkspace(testApp, owner);
    admin = await signIn(testApp, owner);
    viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
  });
  afterAll(async () => {
    await testApp.close();
  });

  const jobs = () => `/api/workspaces/${workspace.slug}/jobs`;
  const enqueue = (payload: Omit<FlakyPayload, 'workspaceId'>, workspaceId = workspace.id) =>
    testApp.app.get(JobQueue).enqueue<FlakyPayload>('test.flaky', { workspaceId, ...payload });
  const jobById = async (id: string): Promise<Job | undefined> =>
    jobPageSchema
      .parse((await admin.get(jobs()).query({ kind: 'test.flaky', limit: 200 }).expect(200)).body)
      .items.find((job) => job.id === id);

  it('retries a failing job with backoff until it succeeds', async () => {
    const id = await enqueue({ key: 'second-time-lucky', failTimes: 1 });
    expect(id).not.toBeNull();
    const job = await eventually(
      () => jobById(id ?? ''),
      (found) => found?.state === 'completed',
    );
    expect(job).toMatchObject({ kind: 'test.flaky', state: 'completed', attempts: 2, error: null });
    expect(job?.durationMs).toEqual(expect.any(Number));
    expect(attemptsByKey.get('second-time-lucky')).toBe(2);
  });

  it('enqueues within a transaction: the job exists once it commits, never if it rolls back', async () => {
    const queue = testApp.app.get(JobQueue);
    const dataSource = testApp.dataSource;
    const payload = (key: string) => ({ workspaceId: workspace.id, key, failTimes: 0 });
    const rolledBack = new Error('rolled back on purpose');
    let doomedId: string | null = null;
    await expect(
      dataSource.transaction(async (manager) => {
        doomedId = await queue.enqueue<FlakyPayload>('test.flaky', payload('doomed'), {
          transaction: manager,
        });
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(doomedId).not.toBeNull();
    const committedId = await dataSource.transaction((manager) =>
      queue.enqueue<FlakyPayload>('test.flaky', payload('committed'), { transaction: manager }),
    );
    const committed = await eventually(
      () => jobById(committedId ?? ''),
      (found) => found?.state === 'completed',
    );
    expect(committed).toMatchObject({ kind: 'test.flaky', state: 'completed' });
    expect(await jobById(doomedId ?? '')).toBeUndefined();
    expect(attemptsByKey.has('doomed')).toBe(false);
  });

  it('keeps a job that ran out of attempts as failed, with its error, until an admin retries it', async () => {
    const id = (await enqueue({ key: 'hopeless', failTimes: 3 })) ?? '';
    const failed = await eventually(
      () => jobById(id),
      (found) => found?.state === 'failed',
    );
    expect(failed).toMatchObject({
      state: 'failed',
      attempts: 2,
      error: 'attempt 2 of hopeless failed on purpose',
    });
    const filtered = jobPageSchema.parse(
      (await admin.get(jobs()).query({ state: 'failed' }).expect(200)).body,
    );
    expect(filtered.items.map((job) => job.id)).toContain(id);
    expect(filtered.items.every((job) => job.state === 'failed')).toBe(true);

    await viewer.post(`${jobs()}/${id}/retry`).expect(403);
    await viewer.get(jobs()).expect(403);
    const retried = jobSchema.parse(
      (await admin.post(`${jobs()}/${id}/retry`).set('X-Request-Id', 'req-retry').expect(202)).body,
    );
    expect(retried.state).not.toBe('failed');
    // The third attempt fails again (failTimes 3), so it ends failed once more — with 3 attempts.
    await eventually(
      () => jobById(id),
      (found) => found?.state === 'failed' && attemptsByKey.get('hopeless') === 3,
    );
    const audit = auditEventPageSchema.parse(
      (await admin.get(`/api/workspaces/${workspace.slug}/audit-events`).expect(200)).body,
    );
    expect(audit.items.find((event) => event.requestId === 'req-retry')).toMatchObject({
      action: 'job.retried',
      targetType: 'job',
      targetId: id,
    });
  });

  it('refuses to retry a job that did not fail, and shows no job of another workspace', async () => {
    const done = (await enqueue({ key: 'fine', failTimes: 0 })) ?? '';
    await eventually(
      () => jobById(done),
      (found) => found?.state === 'completed',
    );
    const conflict = await admin.post(`${jobs()}/${done}/retry`).expect(409);
    expect(conflict.body.type).toMatch(/job-not-failed$/);

    const other = await createWorkspace(testApp, await createUser(testApp));
    const foreign = (await enqueue({ key: 'foreign', failTimes: 5 }, other.id)) ?? '';
    await admin.post(`${jobs()}/${foreign}/retry`).expect(404);
    expect(await jobById(foreign)).toBeUndefined();
    await admin.get(jobs()).query({ state: 'stuck' }).expect(400);
  });

  it('lists a cancelled job as cancelled, which cannot be retried (409 naming it) and nothing is audited', async () => {
    const id =
      (await testApp.app
        .get(JobQueue)
        .enqueue<FlakyPayload>(
          'test.flaky',
          { workspaceId: workspace.id, key: 'cancelled', failTimes: 0 },
          { runAt: new Date(Date.now() + 60 * 60 * 1000) },
        )) ?? '';
    // Bearing never cancels a job itself; pg-boss's own cancel does this.
    await testApp.dataSource.query(
      `UPDATE ${JOB_SCHEMA}.job SET state = 'cancelled', completed_on = now() WHERE id = $1`,
      [id],
    );
    // Listed as cancelled — not as failed, which would offer a retry the API refuses.
    expect(await jobById(id)).toMatchObject({ state: 'cancelled', error: null });
    const stateFilter = async (state: string) =>
      jobPageSchema
        .parse((await admin.get(jobs()).query({ state, limit: 200 }).expect(200)).body)
        .items.map((job) => job.id);
    expect(await stateFilter('cancelled')).toContain(id);
    expect(await stateFilter('failed')).not.toContain(id);
    const refused = await admin
      .post(`${jobs()}/${id}/retry`)
      .set('X-Request-Id', 'req-retry-cancelled')
      .expect(409);
    expect(refused.body).toMatchObject({
      type: expect.stringMatching(/job-not-failed$/),
      detail: expect.stringContaining('cancelled'),
    });
    const [row] = await testApp.dataSource.query(
      `SELECT state::text AS state FROM ${JOB_SCHEMA}.job WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ state: 'cancelled' });
    const [audited] = await testApp.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_event WHERE request_id = 'req-retry-cancelled'`,
    );
    expect(audited.count).toBe(0);
  });

  it('ticks the scheduler at the clock’s now: every due-work function runs', async () => {
    const seen: string[] = [];
    const scheduler = testApp.app.get(Scheduler);
    // Registered late on purpose, straight on the service: the tick reads the list each time.
    scheduler.register('test.record', (now) => {
      seen.push(now.toISOString());
      return Promise.resolve();
    });
    jest
      .spyOn(testApp.app.get(ClockService), 'now')
      .mockReturnValue(new Date('2026-12-07T09:00:00.000Z'));
    await scheduler.tick();
    expect(seen).toEqual(['2026-12-07T09:00:00.000Z']);
  });

  it('housekeeping deletes ended sessions, old rate-limit counters and ended imports’ uploads, nothing live', async () => {
    const { dataSource } = testApp;
    const user = await createUser(testApp);
    const insertSession = (hash: string, expires: string, idle: string, revoked: string | null) =>
      dataSource.query(
        `INSERT INTO session (user_id, token_hash, expires_at, idle_expires_at, revoked_at)
         VALUES ($1, $2, now() + $3::interval, now() + $4::interval, $5::timestamptz)`,
        [user.id, hash, expires, idle, revoked],
      );
    await insertSession('a'.repeat(64), '-1 hour', '-1 hour', null);
    await insertSession('b'.repeat(64), '30 days', '-1 minute', null);
    await insertSession('c'.repeat(64), '30 days', '1 hour', new Date().toISOString());
    await insertSession('d'.repeat(64), '30 days', '1 hour', null);
    await dataSource.query(
      `INSERT INTO rate_limit (key, window_started_at, hits)
       VALUES ('old', now() - interval '2 hours', 3), ('live', now(), 1)`,
    );

    const team = await createTeam(testApp, workspace);
    const importOf = async (status: string) => {
      const [row]: { id: string }[] = await dataSource.query(
        `INSERT INTO import_job (workspace_id, team_id, format, file_name, file_size, status, progress)
         VALUES ($1, $2, 'jira-json', 'export.json', 2, $3, 0) RETURNING id`,
        [workspace.id, team.id, status],
      );
      await dataSource.query(
        `INSERT INTO import_upload (import_job_id, content) VALUES ($1, '\\x7b7d')`,
        [row?.id],
      );
      return row?.id ?? '';
    };
    const ended = await importOf('failed');
    const waiting = await importOf('queued');

    const removed = await testApp.app.get(Housekeeping).run();

    const uploads: { import_job_id: string }[] = await dataSource.query(
      `SELECT import_job_id FROM import_upload`,
    );
    expect(uploads.map((row) => row.import_job_id)).toEqual([waiting]);
    expect(uploads.map((row) => row.import_job_id)).not.toContain(ended);
    expect(removed.uploads).toBe(1);

    expect(removed.sessions).toBeGreaterThanOrEqual(3);
    const sessions: { token_hash: string }[] = await dataSource.query(
      `SELECT token_hash FROM session WHERE user_id = $1`,
      [user.id],
    );
    expect(sessions.map((row) => row.token_hash)).toEqual(['d'.repeat(64)]);
    const counters: { key: string }[] = await dataSource.query(`SELECT key FROM rate_limit`);
    // Sign-ins above count in windows of their own, all live: only the old counter goes.
    expect(counters.map((row) => row.key)).toContain('live');
    expect(counters.map((row) => row.key)).not.toContain('old');
    // The signed-in browsers' sessions are live: they still work.
    await admin.get(jobs()).expect(200);
  });
});
