import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { alertListSchema, alertRuleSchema, problemSchema } from '@bearing/contracts';
import type { QueryRunner } from 'typeorm';
import { AlertEvaluation } from '../src/alerts/alert-evaluation.service.js';
import {
  type Browser,
  createMember,
  createUser,
  createWorkspace,
  signIn,
  type TestWorkspace,
} from './support/factories.js';
import { createMetric, insertPoints } from './support/okr-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const MINUTE = 60_000;

/**
 * Acknowledgements and rule edits racing a rule's evaluation. Each race is made to happen, not
 * hoped for: a transaction of the test holds what the evaluation must wait for, so the other
 * side lands exactly between the evaluation's read and its write.
 */
describe('alert rules racing their evaluation', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let editor: Browser;
  let evaluation: AlertEvaluation;
  const url = (path: string) => `/api/workspaces/${workspace.slug}/${path}`;

  beforeAll(async () => {
    // A web process: it runs no jobs and no scheduler ticks, so runs happen when the test calls them.
    testApp = await createTestApp({ role: 'web' });
    const admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    editor = await signIn(testApp, await createMember(testApp, workspace, 'editor'));
    evaluation = testApp.app.get(AlertEvaluation);
  });
  afterAll(async () => {
    await testApp.close();
  });

  const createRule = async (fields: Record<string, unknown>) =>
    alertRuleSchema.parse(
      (
        await editor
          .post(url('alert-rules'))
          .send({
            name: 'Race',
            everyMinutes: 5,
            lookbackMinutes: 60,
            trigger: { op: '>', threshold: 0 },
            severity: 'high',
            suppressMinutes: 0,
            enabled: true,
            ...fields,
          })
          .expect(201)
      ).body,
    );

  const alertsOf = async (ruleId: string) =>
    alertListSchema
      .parse((await editor.get(url('alerts')).expect(200)).body)
      .items.filter((alert) => alert.ruleId === ruleId);

  const firedEvents = async (alertIds: string[]): Promise<number> => {
    const rows: { n: string }[] = await testApp.dataSource.query(
      `SELECT count(*) AS n FROM "notification_event"
        WHERE "event" = 'alert.fired' AND "subject_id" = ANY($1)`,
      [alertIds],
    );
    return Number(rows[0]?.n);
  };

  /** A transaction of the test's own, rolled back by `release`. */
  async function holdTransaction(): Promise<{ runner: QueryRunner; release: () => Promise<void> }> {
    const runner = testApp.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    return {
      runner,
      release: async () => {
        await runner.rollbackTransaction();
        await runner.release();
      },
    };
  }

  /** Waits until `sessions` sessions wait for a lock in a statement LIKE `pattern`. */
  async function waitUntilBlocked(pattern: string, sessions = 1): Promise<void> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const [row]: { n: string }[] = await testApp.dataSource.query(
        `SELECT count(*) AS n FROM pg_stat_activity
          WHERE "wait_event_type" = 'Lock' AND ltrim("query") LIKE $1`,
        [pattern],
      );
      if (Number(row?.n) >= sessions) return;
      if (Date.now() > deadline) throw new Error(`not ${sessions} waiting in ${pattern}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('keeps an acknowledgement that lands while a run that read the alert is evaluating', async () => {
    const first = await createMetric(testApp, workspace, { key: 'race-a' });
    const second = await createMetric(testApp, workspace, { key: 'race-x' });
    // Groups in this order: the run opens race-a's alert before it refreshes race-x's.
    const rule = await createRule({
      name: 'Per metric race',
      query:
        'MetricPoints | where metric in ("race-a", "race-x") | summarize worst = max(value) by metric | sort by metric asc',
      trigger: { column: 'worst', op: '>=', threshold: 10 },
      groupBy: 'metric',
    });
    const t0 = new Date('2026-11-02T10:00:00Z');
    await insertPoints(testApp, second, [{ timestamp: '2026-11-02T09:50:00Z', value: 50 }]);
    expect(await evaluation.evaluate(rule.id, t0)).toMatchObject({ fired: 1 });
    const [firing] = await alertsOf(rule.id);
    expect(firing).toMatchObject({ group: 'race-x', state: 'firing' });

    // The next run has race-a to open first; the test holds the outbox table, so the run waits
    // to announce race-a's alert — after it read race-x's alert as firing, before refreshing it.
    await insertPoints(testApp, first, [{ timestamp: '2026-11-02T10:01:00Z', value: 50 }]);
    const blocker = await holdTransaction();
    let running: Promise<unknown> | undefined;
    try {
      await blocker.runner.query(`LOCK TABLE "notification_event" IN SHARE MODE`);
      running = evaluation.evaluate(rule.id, new Date(t0.getTime() + 5 * MINUTE));
      await waitUntilBlocked('INSERT INTO "notification_event"%');
      const acknowledged = await editor.post(url(`alerts/${firing!.id}/acknowledge`)).expect(200);
      expect(acknowledged.body.state).toBe('acknowledged');
    } finally {
      await blocker.release();
    }
    expect(await running).toMatchObject({ fired: 1, updated: 1 });

    const after = await alertsOf(rule.id);
    expect(after.find((alert) => alert.group === 'race-x')).toMatchObject({
      id: firing!.id,
      state: 'acknowledged',
      lastSeenAt: new Date(t0.getTime() + 5 * MINUTE).toISOString(),
    });
    // And a later run that still matches leaves it acknowledged too.
    await evaluation.evaluate(rule.id, new Date(t0.getTime() + 10 * MINUTE));
    expect((await alertsOf(rule.id)).find((alert) => alert.id === firing!.id)?.state).toBe(
      'acknowledged',
    );
  });

  /**
   * Starts a run of `rule` at `runAt` while the test holds the rule's row, applies `edit` to the
   * row in the test's transaction — as an edit landing after the run read the rule and ran its
   * query, before it took the lock — commits, and answers the run's outcome.
   */
  async function runWhileEdited(
    ruleId: string,
    runAt: Date,
    edit: string,
  ): Promise<Awaited<ReturnType<AlertEvaluation['evaluate']>>> {
    const runner = testApp.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`SELECT 1 FROM "alert_rule" WHERE "id" = $1 FOR UPDATE`, [ruleId]);
      const running = evaluation.evaluate(ruleId, runAt);
      // The run's lock (its statement is longer than pg_stat_activity shows).
      await waitUntilBlocked('SELECT "AlertRule"."id"%');
      await runner.query(
        `UPDATE "alert_rule" SET ${edit}, "version" = "version" + 1 WHERE "id" = $1`,
        [ruleId],
      );
      await runner.commitTransaction();
      return await running;
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }

  it('fires nothing from a run that was in flight when its rule was turned off', async () => {
    const metric = await createMetric(testApp, workspace, { key: 'race-off' });
    const rule = await createRule({
      name: 'Turned off mid-run',
      query: 'MetricPoints | where metric == "race-off" | project metric, value',
    });
    const t0 = new Date('2026-11-06T10:00:00Z');
    await insertPoints(testApp, metric, [{ timestamp: '2026-11-06T09:50:00Z', value: 1 }]);
    expect(await runWhileEdited(rule.id, t0, `"enabled" = false, "next_run_at" = NULL`)).toEqual({
      fired: 0,
      updated: 0,
      resolved: 0,
      suppressed: 0,
    });
    expect(await alertsOf(rule.id)).toEqual([]);
    const [stored]: { lastRunAt: Date | null }[] = await testApp.dataSource.query(
      `SELECT "last_run_at" AS "lastRunAt" FROM "alert_rule" WHERE "id" = $1`,
      [rule.id],
    );
    expect(stored?.lastRunAt).toBeNull();
  });

  it('runs again with the rule as edited when its trigger changed while the run was in flight', async () => {
    const metric = await createMetric(testApp, workspace, { key: 'race-edit' });
    const rule = await createRule({
      name: 'Threshold raised mid-run',
      query: 'MetricPoints | where metric == "race-edit" | summarize worst = max(value)',
      trigger: { column: 'worst', op: '>=', threshold: 10 },
    });
    const t0 = new Date('2026-11-07T10:00:00Z');
    await insertPoints(testApp, metric, [{ timestamp: '2026-11-07T09:50:00Z', value: 50 }]);
    // The run read the threshold 10 (50 matches); the editor raises it to 100 before it writes.
    expect(await runWhileEdited(rule.id, t0, `"trigger_threshold" = 100`)).toEqual({
      fired: 0,
      updated: 0,
      resolved: 0,
      suppressed: 0,
    });
    expect(await alertsOf(rule.id)).toEqual([]);
    // The run did happen, with the new threshold: it is recorded.
    const [stored]: { lastRunAt: Date | null }[] = await testApp.dataSource.query(
      `SELECT "last_run_at" AS "lastRunAt" FROM "alert_rule" WHERE "id" = $1`,
      [rule.id],
    );
    expect(stored?.lastRunAt?.toISOString()).toBe(t0.toISOString());
  });

  it('leaves alone what a later run wrote when a retried earlier run ends after it', async () => {
    const metric = await createMetric(testApp, workspace, { key: 'race-retried' });
    const rule = await createRule({
      name: 'Retried run',
      query: 'MetricPoints | where metric == "race-retried" | summarize worst = max(value)',
      trigger: { column: 'worst', op: '>=', threshold: 10 },
    });
    const t0 = new Date('2026-11-02T10:00:00Z');
    await insertPoints(testApp, metric, [{ timestamp: '2026-11-02T09:50:00Z', value: 50 }]);
    expect(await evaluation.evaluate(rule.id, t0)).toMatchObject({ fired: 1 });
    const later = new Date(t0.getTime() + 10 * MINUTE);
    expect(await evaluation.evaluate(rule.id, later)).toMatchObject({ updated: 1 });

    // The run due at t0 + 5 min failed once and its retry ends only now: it changes nothing.
    expect(await evaluation.evaluate(rule.id, new Date(t0.getTime() + 5 * MINUTE))).toEqual({
      fired: 0,
      updated: 0,
      resolved: 0,
      suppressed: 0,
    });
    const [alert] = await alertsOf(rule.id);
    expect(alert?.lastSeenAt).toBe(later.toISOString());
    const [stored]: { lastRunAt: Date }[] = await testApp.dataSource.query(
      `SELECT "last_run_at" AS "lastRunAt" FROM "alert_rule" WHERE "id" = $1`,
      [rule.id],
    );
    expect(stored?.lastRunAt.toISOString()).toBe(later.toISOString());
  });

  it('refuses (409) to acknowledge an alert a run is resolving, which stays resolved and fires again on a recurrence', async () => {
    const metric = await createMetric(testApp, workspace, { key: 'race-r' });
    const rule = await createRule({
      name: 'Resolving race',
      query: 'MetricPoints | where metric == "race-r" | project metric, value',
    });
    const t0 = new Date('2026-11-05T10:00:00Z');
    await insertPoints(testApp, metric, [{ timestamp: '2026-11-05T09:50:00Z', value: 1 }]);
    expect(await evaluation.evaluate(rule.id, t0)).toMatchObject({ fired: 1 });
    const [firing] = await alertsOf(rule.id);

    // Two hours on the point is out of the lookback: the run resolves the alert, then waits to
    // publish `alert.resolved` behind the test's uncommitted event of the same dedupe key.
    const t1 = new Date(t0.getTime() + 120 * MINUTE);
    const blocker = await holdTransaction();
    let running: Promise<unknown> | undefined;
    let acknowledging: Promise<{ status: number; body: unknown }> | undefined;
    try {
      await blocker.runner.query(
        `INSERT INTO "notification_event" ("workspace_id", "event", "subject_type", "subject_id",
                                           "title", "body", "path", "audience", "dedupe_key")
         VALUES ($1, 'alert.resolved', 'alert', $2, 'held', '', '/', '{}', $3)`,
        [workspace.id, firing!.id, `alert.resolved:${firing!.id}`],
      );
      running = evaluation.evaluate(rule.id, t1);
      await waitUntilBlocked('INSERT INTO "notification_event"%');
      // The acknowledgement read the alert while the resolving run had not committed yet.
      acknowledging = editor
        .post(url(`alerts/${firing!.id}/acknowledge`))
        .then((response) => response);
      await waitUntilBlocked('UPDATE "alert" %');
    } finally {
      await blocker.release();
    }
    expect(await running).toMatchObject({ resolved: 1 });
    const answer = await acknowledging;
    expect(answer.status).toBe(409);
    expect(problemSchema.parse(answer.body).type).toMatch(/alert-resolved$/);
    const [resolved] = await alertsOf(rule.id);
    expect(resolved).toMatchObject({
      id: firing!.id,
      state: 'resolved',
      resolvedAt: t1.toISOString(),
    });

    // The condition comes back: a new alert fires and is announced again.
    await insertPoints(testApp, metric, [
      { timestamp: new Date(t1.getTime() + MINUTE).toISOString(), value: 2 },
    ]);
    expect(await evaluation.evaluate(rule.id, new Date(t1.getTime() + 5 * MINUTE))).toMatchObject({
      fired: 1,
    });
    const ids = (await alertsOf(rule.id)).map((alert) => alert.id);
    expect(ids).toHaveLength(2);
    expect(await firedEvents(ids)).toBe(2);
  });

  const nextRunAtOf = async (ruleId: string): Promise<Date | null> => {
    const [row]: { next_run_at: Date | null }[] = await testApp.dataSource.query(
      `SELECT "next_run_at" FROM "alert_rule" WHERE "id" = $1`,
      [ruleId],
    );
    return row?.next_run_at ?? null;
  };

  it('moves the next run only when the schedule changes, not when the form is saved as it was', async () => {
    const form = {
      name: 'Schedule kept',
      query: 'MetricPoints | where value > 1000 | project metric, value',
      everyMinutes: 5,
      lookbackMinutes: 60,
      trigger: { op: '>', threshold: 0 },
      severity: 'low',
      suppressMinutes: 0,
      enabled: true,
    };
    let rule = await createRule(form);
    // The scheduler claims the run due an hour from now and moves the next one on.
    await evaluation.enqueueDue(new Date(Date.now() + 60 * MINUTE));
    const claimed = await nextRunAtOf(rule.id);
    expect(claimed).not.toBeNull();
    const edit = async (fields: Record<string, unknown>) => {
      rule = alertRuleSchema.parse(
        (
          await editor
            .patch(url(`alert-rules/${rule.id}`))
            .send({ version: rule.version, ...fields })
            .expect(200)
        ).body,
      );
    };

    // The editor sends the whole form back, the interval unchanged: the claimed run stays.
    await edit({ ...form, name: 'Schedule kept, renamed' });
    expect(await nextRunAtOf(rule.id)).toEqual(claimed);
    await edit({ severity: 'high' });
    expect(await nextRunAtOf(rule.id)).toEqual(claimed);
    await edit({});
    expect(await nextRunAtOf(rule.id)).toEqual(claimed);

    // Another interval: the rule runs at the next tick with it.
    await edit({ everyMinutes: 10 });
    expect((await nextRunAtOf(rule.id))!.getTime()).toBeLessThan(claimed!.getTime());
    await edit({ enabled: false });
    expect(await nextRunAtOf(rule.id)).toBeNull();
    await edit({ enabled: true });
    expect(await nextRunAtOf(rule.id)).not.toBeNull();
  });

  it('lets one of two edits of the same version through; the other is a 409', async () => {
    const rule = await createRule({
      name: 'Edited twice',
      query: 'MetricPoints | where value > 1000 | project metric, value',
    });
    // The test holds the rule's row, so both edits are in flight before either can finish.
    const blocker = await holdTransaction();
    const edits: Promise<{ status: number; body: unknown }>[] = [];
    try {
      await blocker.runner.query(`SELECT 1 FROM "alert_rule" WHERE "id" = $1 FOR UPDATE`, [
        rule.id,
      ]);
      for (const name of ['First edit', 'Second edit']) {
        edits.push(
          editor
            .patch(url(`alert-rules/${rule.id}`))
            .send({ version: rule.version, name })
            .then((response) => response),
        );
      }
      await waitUntilBlocked('%"alert_rule"%', 2);
    } finally {
      await blocker.release();
    }
    const answers = await Promise.all(edits);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const winner = alertRuleSchema.parse(answers.find((answer) => answer.status === 200)!.body);
    const loser = problemSchema.parse(answers.find((answer) => answer.status === 409)!.body);
    expect(loser.type).toMatch(/stale-version$/);
    expect(winner.version).toBe(rule.version + 1);
    const stored = alertRuleSchema.parse(
      (await editor.get(url(`alert-rules/${rule.id}`)).expect(200)).body,
    );
    expect(stored).toMatchObject({ name: winner.name, version: rule.version + 1 });
  });
});
