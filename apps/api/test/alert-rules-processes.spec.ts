import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { type Alert, alertListSchema, alertRuleSchema } from '@bearing/contracts';
import { EVALUATE_ALERT_RULE } from '../src/alerts/alert-evaluation.service.js';
import { findFreePort } from './support/free-port.js';
import { JOB_SCHEMA } from '../src/jobs/job-queue.service.js';
import { SCHEDULER_TICK } from '../src/jobs/scheduler.js';
import { type BearingProcess, startBearing } from './support/bearing-process.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * Alert rules with two real Bearing processes (`node dist/main.js`, both serving HTTP, running
 * jobs and the minute scheduler) on one PostgreSQL. Each due run of a rule is claimed once
 * however many scheduler ticks race for it; and a grouped rule whose every run is evaluated by
 * both processes at once raises exactly one alert per group per suppression window, each
 * announced by one `alert.fired` event and resolved once.
 */
const PASSWORD = 'two processes fire one alert';
const SECRET_KEY = Buffer.alloc(32, 11).toString('base64');
const MINUTE = 60_000;
const DEADLINE_MS = 120_000;

type Instance = { bearing: BearingProcess; origin: string };

/** Polls until `check` holds: the processes work on their own schedule. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string) {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && check(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: gave up; last ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('alert rules across processes', () => {
  let database: TestDatabase;
  let sql: pg.Client;
  /** The test's own handle on the job queue, to tick and to queue runs as the scheduler does. */
  let boss: PgBoss;
  const instances: Instance[] = [];
  let cookie = '';
  let workspaceId = '';

  const call = async (instance: Instance, method: string, route: string, body?: unknown) => {
    const response = await fetch(`${instance.origin}/api/workspaces/fleet/${route}`, {
      method,
      headers: {
        origin: instance.origin,
        cookie,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as unknown };
  };

  /** The rule's alerts, read from the other process than the one that wrote the rule. */
  const alertsOf = async (ruleId: string): Promise<Alert[]> => {
    const { status, body } = await call(instances[1]!, 'GET', 'alerts');
    if (status !== 200) throw new Error(`alerts answered ${status}`);
    return alertListSchema.parse(body).items.filter((alert) => alert.ruleId === ruleId);
  };

  /** The outbox events about one alert, by kind. */
  const eventsOf = async (alertId: string): Promise<string[]> =>
    (
      await sql.query<{ event: string }>(
        `SELECT "event" FROM "notification_event" WHERE "subject_type" = 'alert' AND "subject_id" = $1 ORDER BY "event"`,
        [alertId],
      )
    ).rows.map((row) => row.event);

  const uploadPoints = async (points: { metric: string; at: Date; value: number }[]) => {
    const { status, body } = await call(
      instances[0]!,
      'POST',
      'metric-points',
      points.map(({ metric, at, value }) => ({ metric, timestamp: at.toISOString(), value })),
    );
    expect({ status, body }).toMatchObject({ status: 200 });
  };

  const createRule = async (fields: Record<string, unknown>) => {
    const { status, body } = await call(instances[0]!, 'POST', 'alert-rules', {
      everyMinutes: 5,
      lookbackMinutes: 10,
      severity: 'high',
      suppressMinutes: 30,
      enabled: true,
      ...fields,
    });
    expect({ status, body }).toMatchObject({ status: 201 });
    return alertRuleSchema.parse(body);
  };

  /** Waits until every job of the list has finished; a failed one fails the test with its error. */
  const finished = async (kind: string, ids: string[]) => {
    for (const id of ids) {
      const [job] = await eventually(
        () => boss.findJobs(kind, { id }),
        (jobs) => jobs[0]?.state === 'completed' || jobs[0]?.state === 'failed',
        `${kind} job ${id} finished`,
      );
      expect({ id, state: job?.state, output: job?.output }).toMatchObject({ state: 'completed' });
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const start = async () => {
      const port = await findFreePort();
      const bearing = startBearing({
        DATABASE_URL: database.url,
        BEARING_SECRET_KEY: SECRET_KEY,
        BEARING_ROLE: 'all',
        BEARING_ADMIN_EMAIL: 'admin@alert-processes.test',
        BEARING_ADMIN_PASSWORD: PASSWORD,
        PORT: String(port),
      });
      const instance = { bearing, origin: `http://127.0.0.1:${port}` };
      instances.push(instance);
      await eventually(
        async () => {
          if (bearing.child.exitCode !== null) throw new Error(bearing.output());
          return (await fetch(`${instance.origin}/api/ready`)).status;
        },
        (status) => status === 200,
        `ready on ${instance.origin}`,
      );
    };
    // Both start at once: migrations and the first administrator are made under locks.
    await Promise.all([start(), start()]);
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    boss = new PgBoss({
      connectionString: database.url,
      schema: JOB_SCHEMA,
      supervise: false,
      schedule: false,
    });
    boss.on('error', () => undefined);
    await boss.start();

    const origin = instances[0]!.origin;
    const signIn = await fetch(`${origin}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ email: 'admin@alert-processes.test', password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const workspace = await fetch(`${origin}/api/workspaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, cookie },
      body: JSON.stringify({ slug: 'fleet', name: 'Fleet' }),
    });
    expect(workspace.status).toBe(201);
    workspaceId = ((await workspace.json()) as { id: string }).id;
    for (const key of ['errors', 'drops', 'latency']) {
      const metric = await call(instances[0]!, 'POST', 'metrics', {
        key,
        name: key,
        category: 'technical-health',
        direction: 'decrease-is-good',
      });
      expect(metric.status).toBe(201);
    }
  }, 240_000);

  afterAll(async () => {
    await boss?.stop({ graceful: false });
    await sql?.end();
    for (const { bearing } of instances) {
      if (bearing.child.exitCode === null && bearing.child.signalCode === null)
        bearing.child.kill('SIGTERM');
    }
    await Promise.all(instances.map(({ bearing }) => bearing.exit));
    await database?.drop();
  }, 60_000);

  it('claims a due run once however many scheduler ticks of both processes race for it', async () => {
    // The Metrics table has no time column, so this rule matches at whatever time it runs.
    const rule = await createRule({
      name: 'Errors metric exists',
      query: 'Metrics | where key == "errors"',
      trigger: { op: '>', threshold: 0 },
    });
    // The new rule is due at once: four ticks (besides the minute's own) for two processes.
    const ticks = await Promise.all(
      Array.from({ length: 4 }, async () => (await boss.send(SCHEDULER_TICK, {}))!),
    );
    await finished(SCHEDULER_TICK, ticks);
    const runs = await boss.findJobs<{ ruleId: string; runAt: string }>(EVALUATE_ALERT_RULE, {
      data: { ruleId: rule.id },
    });
    await finished(
      EVALUATE_ALERT_RULE,
      runs.map((run) => run.id),
    );
    // One run — or, had the test been slow, runs at least the rule's schedule apart.
    const runTimes = runs.map((run) => Date.parse(run.data.runAt)).sort((a, b) => a - b);
    expect(runTimes.length).toBeGreaterThanOrEqual(1);
    runTimes.slice(1).forEach((time, index) => {
      expect(time - runTimes[index]!).toBeGreaterThanOrEqual(5 * MINUTE);
    });
    const alerts = await eventually(
      () => alertsOf(rule.id),
      (list) => list.length > 0,
      'the rule fired',
    );
    expect(alerts.map((alert) => alert.state)).toEqual(['firing']);
    expect(await eventsOf(alerts[0]!.id)).toEqual(['alert.fired']);
  });

  it('fires once per group per suppression window while both processes evaluate every run', async () => {
    const rule = await createRule({
      name: 'Worst value above 200',
      query: 'MetricPoints | summarize worst = max(value) by metric',
      trigger: { column: 'worst', op: '>', threshold: 200 },
      groupBy: 'metric',
      // Created off, then switched on with no run due: the test plays its schedule below, at
      // pinned times, instead of the wall clock's scheduler.
      enabled: false,
    });
    await sql.query(
      `UPDATE "alert_rule" SET "enabled" = true, "next_run_at" = '2100-01-01T00:00:00Z' WHERE "id" = $1`,
      [rule.id],
    );

    // Runs every 5 minutes from t0 over a 10-minute lookback, suppression 30 minutes. Points
    // arrive as time passes (each before the first run that can see it):
    //   errors > 200 at t0−1, t0+14, t0+34 → fires at t0, resolves at t0+10; matches again at
    //     t0+15 and t0+20, within 30 minutes of firing: quiet; fires again at t0+35 (35 ≥ 30),
    //     resolves at t0+45;
    //   drops > 200 at t0+4, t0+24, t0+39 → fires at t0+5, resolves at t0+15; quiet at t0+25
    //     and t0+30; fires again at t0+40, resolves at t0+50;
    //   latency stays at 50 and never matches.
    const t0 = Date.parse('2026-11-02T10:00:00Z');
    const at = (minutes: number) => new Date(t0 + minutes * MINUTE);
    const breaches = [
      { metric: 'errors', minute: -1, value: 250 },
      { metric: 'drops', minute: 4, value: 300 },
      { metric: 'errors', minute: 14, value: 260 },
      { metric: 'drops', minute: 24, value: 310 },
      { metric: 'errors', minute: 34, value: 270 },
      { metric: 'drops', minute: 39, value: 320 },
    ];
    for (let run = 0; run <= 10; run++) {
      const minute = run * 5;
      await uploadPoints([
        { metric: 'latency', at: at(minute - 1), value: 50 },
        ...breaches
          .filter((breach) => breach.minute > minute - 5 && breach.minute <= minute)
          .map((breach) => ({ metric: breach.metric, at: at(breach.minute), value: breach.value })),
      ]);
      // The run as two ticks would queue it, once per process: both evaluate it at once.
      const payload = { workspaceId, ruleId: rule.id, runAt: at(minute) };
      const jobs = await Promise.all(
        [0, 1].map(
          async () =>
            (await boss.send(EVALUATE_ALERT_RULE, {
              ...payload,
              runAt: payload.runAt.toISOString(),
            }))!,
        ),
      );
      await finished(EVALUATE_ALERT_RULE, jobs);
    }

    const alerts = await alertsOf(rule.id);
    const byGroup = (group: string) =>
      alerts
        .filter((alert) => alert.group === group)
        .sort((a, b) => Date.parse(a.firstSeenAt) - Date.parse(b.firstSeenAt));
    expect(alerts).toHaveLength(4);
    for (const group of ['errors', 'drops']) {
      const [first, second] = byGroup(group);
      expect([first?.state, second?.state]).toEqual(['resolved', 'resolved']);
      // The second alert of a group fired after the first's suppression window had ended.
      expect(Date.parse(second!.firstSeenAt) - Date.parse(first!.firstSeenAt)).toBeGreaterThan(
        30 * MINUTE,
      );
    }
    expect(byGroup('latency')).toEqual([]);
    for (const alert of alerts) {
      expect({ alert: alert.id, events: await eventsOf(alert.id) }).toEqual({
        alert: alert.id,
        events: ['alert.fired', 'alert.resolved'],
      });
    }
  });
});
