import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  alertListSchema,
  alertRuleSchema,
  alertRuleTestResultSchema,
  problemSchema,
  QUERY_ROW_CAP,
  savedQueryListSchema,
  savedQuerySchema,
} from '@bearing/contracts';
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

describe('alert rules', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let editor: Browser;
  let viewer: Browser;
  let evaluation: AlertEvaluation;
  const url = (path: string) => `/api/workspaces/${workspace.slug}/${path}`;

  /** Outbox events of the workspace of this kind, oldest first. */
  const events = async (event: string): Promise<string[]> => {
    const rows: { title: string }[] = await testApp.dataSource.query(
      `SELECT "title", "dedupe_key" FROM "notification_event" WHERE "workspace_id" = $1 AND "event" = $2 ORDER BY "created_at", "id"`,
      [workspace.id, event],
    );
    return rows.map((row) => row.title);
  };

  const createRule = async (fields: Record<string, unknown>) =>
    alertRuleSchema.parse(
      (
        await editor
          .post(url('alert-rules'))
          .send({
            name: 'Latency above 200',
            query: 'MetricPoints | where value > 200 | project metric, value, timestamp',
            everyMinutes: 5,
            lookbackMinutes: 60,
            trigger: { op: '>', threshold: 0 },
            severity: 'high',
            suppressMinutes: 30,
            enabled: true,
            ...fields,
          })
          .expect(201)
      ).body,
    );

  const alerts = async () =>
    alertListSchema.parse((await viewer.get(url('alerts')).expect(200)).body).items;

  beforeAll(async () => {
    // A web process: it queues rule runs but runs no jobs and no scheduler ticks of its own, so
    // the runs below happen exactly when the test calls them.
    testApp = await createTestApp({ role: 'web' });
    const admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    editor = await signIn(testApp, await createMember(testApp, workspace, 'editor'));
    viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
    evaluation = testApp.app.get(AlertEvaluation);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('refuses a rule whose query or trigger columns do not fit, naming the field; viewers cannot write', async () => {
    const base = {
      name: 'x',
      query: 'MetricPoints | summarize n = count() by metric',
      everyMinutes: 5,
      lookbackMinutes: 60,
      trigger: { op: '>', threshold: 3, column: 'metric' },
      severity: 'low',
      suppressMinutes: 0,
      enabled: true,
    };
    const wrongType = await editor.post(url('alert-rules')).send(base).expect(400);
    expect(problemSchema.parse(wrongType.body).errors).toEqual([
      { path: 'trigger.column', message: "must be a number column; 'metric' is a string" },
    ]);
    const badQuery = await editor
      .post(url('alert-rules'))
      .send({
        ...base,
        query: 'MetricPoints | summarize n = count() by metrc',
        trigger: { op: '>', threshold: 3 },
      })
      .expect(400);
    expect(problemSchema.parse(badQuery.body).errors?.[0]).toMatchObject({
      path: 'query',
      suggestion: 'metric',
    });
    const badGroup = await editor
      .post(url('alert-rules'))
      .send({ ...base, trigger: { op: '>', threshold: 3, column: 'n' }, groupBy: 'team' })
      .expect(400);
    expect(problemSchema.parse(badGroup.body).errors?.[0]?.path).toBe('groupBy');
    await viewer.post(url('alert-rules')).send(base).expect(403);
    await editor
      .post(url('alert-rules'))
      .send({ ...base, everyMinutes: 1 })
      .expect(400);
  });

  it('fires once, refreshes, resolves, stays quiet within the suppression window, then fires again', async () => {
    const latency = await createMetric(testApp, workspace, { key: 'latency' });
    const rule = await createRule({});
    expect(rule.nextRunAt).not.toBeNull();
    const t0 = new Date('2026-11-02T10:00:00Z');
    await insertPoints(testApp, latency, [{ timestamp: '2026-11-02T09:50:00Z', value: 250 }]);

    expect(await evaluation.evaluate(rule.id, t0)).toEqual({
      fired: 1,
      updated: 0,
      resolved: 0,
      suppressed: 0,
    });
    // The same run again, or a later one that still matches, opens nothing new.
    expect(await evaluation.evaluate(rule.id, new Date(t0.getTime() + 5 * MINUTE))).toMatchObject({
      fired: 0,
      updated: 1,
    });
    const [firing] = await alerts();
    expect(firing).toMatchObject({ ruleId: rule.id, state: 'firing', severity: 'high', group: '' });
    expect(firing!.rows).toEqual([
      { metric: 'latency', value: 250, timestamp: '2026-11-02T09:50:00.000Z' },
    ]);
    // The rows' columns in the query's order, which the rows themselves (jsonb) do not keep.
    expect(firing!.columns.map(({ name }) => name)).toEqual(['metric', 'value', 'timestamp']);
    expect(await events('alert.fired')).toEqual(['Alert HIGH: Latency above 200']);

    // An hour later the value is out of the lookback window: the alert resolves.
    const t1 = new Date(t0.getTime() + 60 * MINUTE);
    expect(await evaluation.evaluate(rule.id, t1)).toMatchObject({ resolved: 1 });
    expect((await alerts())[0]).toMatchObject({ state: 'resolved', resolvedAt: t1.toISOString() });
    expect(await events('alert.resolved')).toEqual(['Resolved: Latency above 200']);

    // A rule with a day's suppression: after it fired and resolved, a new match within the day stays quiet.
    await insertPoints(testApp, latency, [
      { timestamp: new Date(t1.getTime() + 5 * MINUTE).toISOString(), value: 300 },
    ]);
    const rule2 = await createRule({ name: 'Quiet rule', suppressMinutes: 24 * 60 });
    expect(await evaluation.evaluate(rule2.id, new Date(t1.getTime() + 10 * MINUTE))).toMatchObject(
      { fired: 1 },
    );
    expect(
      await evaluation.evaluate(rule2.id, new Date(t1.getTime() + 200 * MINUTE)),
    ).toMatchObject({ resolved: 1 });
    await insertPoints(testApp, latency, [
      { timestamp: new Date(t1.getTime() + 300 * MINUTE).toISOString(), value: 400 },
    ]);
    // Within 24 h of the last firing: suppressed.
    expect(
      await evaluation.evaluate(rule2.id, new Date(t1.getTime() + 305 * MINUTE)),
    ).toMatchObject({ fired: 0, suppressed: 1 });
    await insertPoints(testApp, latency, [
      { timestamp: new Date(t1.getTime() + 26 * 60 * MINUTE).toISOString(), value: 500 },
    ]);
    expect(
      await evaluation.evaluate(rule2.id, new Date(t1.getTime() + 26 * 60 * MINUTE + MINUTE)),
    ).toMatchObject({ fired: 1 });
    expect(
      (await events('alert.fired')).filter((title) => title.includes('Quiet rule')),
    ).toHaveLength(2);
  });

  it('raises one alert per group and compares a column per row', async () => {
    const errors = await createMetric(testApp, workspace, { key: 'errors' });
    const drops = await createMetric(testApp, workspace, { key: 'drops' });
    await insertPoints(testApp, errors, [{ timestamp: '2026-11-10T09:00:00Z', value: 12 }]);
    await insertPoints(testApp, drops, [{ timestamp: '2026-11-10T09:00:00Z', value: 15 }]);
    const rule = await createRule({
      name: 'Per metric',
      query:
        'MetricPoints | where metric in ("errors", "drops") | summarize worst = max(value) by metric',
      trigger: { column: 'worst', op: '>=', threshold: 12 },
      groupBy: 'metric',
      severity: 'medium',
    });
    expect(await evaluation.evaluate(rule.id, new Date('2026-11-10T09:30:00Z'))).toMatchObject({
      fired: 2,
    });
    const groups = (await alerts())
      .filter((alert) => alert.ruleId === rule.id)
      .map((alert) => alert.group);
    expect(groups.sort()).toEqual(['drops', 'errors']);
  });

  it('resolves and announces the open alerts of a rule that is turned off, acknowledged ones too', async () => {
    const queue = await createMetric(testApp, workspace, { key: 'off-queue' });
    const lag = await createMetric(testApp, workspace, { key: 'off-lag' });
    await insertPoints(testApp, queue, [{ timestamp: '2026-11-12T09:00:00Z', value: 40 }]);
    await insertPoints(testApp, lag, [{ timestamp: '2026-11-12T09:00:00Z', value: 50 }]);
    const rule = await createRule({
      name: 'Noisy this sprint',
      query:
        'MetricPoints | where metric in ("off-queue", "off-lag") | summarize worst = max(value) by metric',
      trigger: { column: 'worst', op: '>=', threshold: 10 },
      groupBy: 'metric',
      suppressMinutes: 0,
    });
    const t0 = new Date('2026-11-12T09:30:00Z');
    expect(await evaluation.evaluate(rule.id, t0)).toMatchObject({ fired: 2 });
    const ofRule = async () => (await alerts()).filter((alert) => alert.ruleId === rule.id);
    const lagAlert = (await ofRule()).find((alert) => alert.group === 'off-lag')!;
    await editor.post(url(`alerts/${lagAlert.id}/acknowledge`)).expect(200);

    const off = alertRuleSchema.parse(
      (
        await editor
          .patch(url(`alert-rules/${rule.id}`))
          .set('X-Request-Id', 'req-rule-turned-off')
          .send({ version: rule.version, enabled: false })
          .expect(200)
      ).body,
    );
    expect(off).toMatchObject({ enabled: false, nextRunAt: null });
    const after = await ofRule();
    expect(after).toHaveLength(2);
    for (const alert of after) {
      expect(alert).toMatchObject({ state: 'resolved', resolvedAt: expect.any(String) });
    }
    const open = alertListSchema.parse(
      (await viewer.get(url('alerts?state=firing')).expect(200)).body,
    );
    expect(open.items.filter((alert) => alert.ruleId === rule.id)).toEqual([]);
    const announced: { title: string; body: string }[] = await testApp.dataSource.query(
      `SELECT "title", "body" FROM "notification_event"
        WHERE "event" = 'alert.resolved' AND "subject_id" = ANY($1) ORDER BY "title"`,
      [after.map((alert) => alert.id)],
    );
    expect(announced).toEqual([
      {
        title: 'Resolved: Noisy this sprint — off-lag',
        body: 'The rule "Noisy this sprint" was turned off; the alert is resolved.',
      },
      {
        title: 'Resolved: Noisy this sprint — off-queue',
        body: 'The rule "Noisy this sprint" was turned off; the alert is resolved.',
      },
    ]);
    const [audit]: { details: Record<string, unknown> }[] = await testApp.dataSource.query(
      `SELECT "details" FROM "audit_event" WHERE "request_id" = 'req-rule-turned-off'`,
    );
    expect(audit?.details).toMatchObject({ resolvedAlerts: 2 });

    // A run queued before it was turned off changes nothing; turned on again, it fires anew.
    expect(await evaluation.evaluate(rule.id, new Date(t0.getTime() + 5 * MINUTE))).toEqual({
      fired: 0,
      updated: 0,
      resolved: 0,
      suppressed: 0,
    });
    await editor
      .patch(url(`alert-rules/${rule.id}`))
      .send({ version: off.version, enabled: true })
      .expect(200);
    expect(await evaluation.evaluate(rule.id, new Date(t0.getTime() + 10 * MINUTE))).toMatchObject({
      fired: 2,
    });
  });

  it('judges a rule on every row of a result beyond the 10,000-row cap', async () => {
    const big = await createMetric(testApp, workspace, { key: 'trunc-a' });
    const small = await createMetric(testApp, workspace, { key: 'trunc-b' });
    const start = Date.parse('2026-11-14T09:00:00Z');
    const at = (second: number) => new Date(start + second * 1000).toISOString();
    await insertPoints(
      testApp,
      big,
      Array.from({ length: QUERY_ROW_CAP + 1 }, (_, second) => ({
        timestamp: at(second),
        value: 5,
      })),
    );
    await insertPoints(
      testApp,
      small,
      [0, 1, 2].map((second) => ({ timestamp: at(second), value: 7 })),
    );
    const t0 = new Date('2026-11-14T12:00:00Z');
    // Sorted by metric, the first 10,000 rows are all trunc-a's: trunc-b's lie past the cap.
    const query =
      'MetricPoints | where metric in ("trunc-a", "trunc-b") | project metric, value | sort by metric asc';

    const perMetric = await createRule({
      name: 'Past the cap',
      query,
      lookbackMinutes: 240,
      trigger: { column: 'value', op: '>=', threshold: 6 },
      groupBy: 'metric',
      suppressMinutes: 0,
    });
    expect(await evaluation.evaluate(perMetric.id, t0)).toMatchObject({ fired: 1 });
    const [alert] = (await alerts()).filter((candidate) => candidate.ruleId === perMetric.id);
    expect(alert).toMatchObject({ group: 'trunc-b', state: 'firing' });
    // A later run sees the group again, wherever its rows lie: the alert stays open.
    expect(
      await evaluation.evaluate(perMetric.id, new Date(t0.getTime() + 5 * MINUTE)),
    ).toMatchObject({ updated: 1, resolved: 0 });
    const stored = alertRuleSchema.parse(
      (await viewer.get(url(`alert-rules/${perMetric.id}`)).expect(200)).body,
    );
    expect(stored.lastError).toBeNull();

    // A row count above the cap is the real one.
    const rowCount = await createRule({
      name: 'More than the cap',
      query,
      lookbackMinutes: 240,
      trigger: { op: '>', threshold: QUERY_ROW_CAP },
      suppressMinutes: 0,
    });
    expect(await evaluation.evaluate(rowCount.id, t0)).toMatchObject({ fired: 1 });
    const [body]: { body: string }[] = await testApp.dataSource.query(
      `SELECT e."body" FROM "notification_event" e JOIN "alert" a ON a."id"::text = e."subject_id"::text
        WHERE e."event" = 'alert.fired' AND a."rule_id" = $1`,
      [rowCount.id],
    );
    expect(body?.body).toContain(`matched ${QUERY_ROW_CAP + 4} rows`);
    // "Test rule" judges it as a run does.
    const tested = alertRuleTestResultSchema.parse(
      (
        await editor
          .post(url(`alert-rules/${rowCount.id}/test`))
          .send({ days: 366 })
          .expect(200)
      ).body,
    );
    expect(tested).toMatchObject({ matched: QUERY_ROW_CAP + 4, wouldFire: true, groups: [''] });
  });

  it('runs each due rule once however many processes tick at the same minute', async () => {
    const rule = await createRule({ name: 'Scheduled', enabled: true });
    const now = new Date(Date.now() + 60 * MINUTE);
    const queued = await Promise.all([
      evaluation.enqueueDue(now),
      evaluation.enqueueDue(now),
      evaluation.enqueueDue(now),
    ]);
    const [{ next_run_at: next }] = await testApp.dataSource.query(
      `SELECT "next_run_at" FROM "alert_rule" WHERE "id" = $1`,
      [rule.id],
    );
    expect(new Date(next).getTime()).toBe(now.getTime() + 5 * MINUTE);
    // Every enabled rule was due; each was claimed by exactly one of the three ticks.
    const enabled = Number(
      (await testApp.dataSource.query(`SELECT count(*) AS n FROM "alert_rule" WHERE "enabled"`))[0]
        .n,
    );
    expect(queued.reduce((sum, count) => sum + count, 0)).toBe(enabled);
  });

  it('tests a rule without firing anything', async () => {
    const before = await alerts();
    const result = alertRuleTestResultSchema.parse(
      (
        await editor
          .post(url('alert-rules/test'))
          .send({
            rule: {
              name: 'trial',
              query: 'MetricPoints | summarize worst = max(value) by metric',
              everyMinutes: 60,
              lookbackMinutes: 60,
              trigger: { column: 'worst', op: '>', threshold: 100 },
              severity: 'low',
              suppressMinutes: 0,
              groupBy: 'metric',
              enabled: false,
            },
            days: 366,
          })
          .expect(200)
      ).body,
    );
    expect(result).toMatchObject({ matched: 1, wouldFire: true, groups: ['latency'] });
    expect(await alerts()).toEqual(before);
  });

  it('acknowledges a firing alert; a resolved one is a 409', async () => {
    const all = await alerts();
    const firing = all.find((alert) => alert.state === 'firing')!;
    const resolved = all.find((alert) => alert.state === 'resolved')!;
    await viewer.post(url(`alerts/${firing.id}/acknowledge`)).expect(403);
    const acknowledged = await editor.post(url(`alerts/${firing.id}/acknowledge`)).expect(200);
    expect(acknowledged.body.state).toBe('acknowledged');
    await editor.post(url(`alerts/${resolved.id}/acknowledge`)).expect(409);
    const onlyResolved = alertListSchema.parse(
      (await viewer.get(url('alerts?state=resolved')).expect(200)).body,
    );
    expect(onlyResolved.items.every((alert) => alert.state === 'resolved')).toBe(true);
  });

  it('saves, renames and deletes queries, refusing an invalid one', async () => {
    const saved = savedQuerySchema.parse(
      (
        await editor
          .post(url('saved-queries'))
          .send({ name: 'Latency', query: 'MetricPoints | count' })
          .expect(201)
      ).body,
    );
    expect(saved.version).toBe(1);
    const renamed = savedQuerySchema.parse(
      (
        await editor
          .put(url(`saved-queries/${saved.id}`))
          .send({ name: 'Renamed', query: 'Metrics', version: 1 })
          .expect(200)
      ).body,
    );
    expect(renamed.version).toBe(2);
    const invalid = await editor
      .post(url('saved-queries'))
      .send({ name: 'x', query: 'Nope | count' })
      .expect(400);
    expect(problemSchema.parse(invalid.body).errors?.[0]?.path).toBe('query');
    await viewer.post(url('saved-queries')).send({ name: 'x', query: 'Metrics' }).expect(403);
    expect(
      savedQueryListSchema.parse((await viewer.get(url('saved-queries')).expect(200)).body).items,
    ).toEqual([expect.objectContaining({ name: 'Renamed', query: 'Metrics' })]);
    await editor.delete(url(`saved-queries/${saved.id}`)).expect(204);
  });

  it('refuses to replace a saved query someone saved since it was loaded (409), changing nothing', async () => {
    const loaded = savedQuerySchema.parse(
      (
        await editor
          .post(url('saved-queries'))
          .send({ name: 'Shared', query: 'MetricPoints | count' })
          .expect(201)
      ).body,
    );
    // Two people opened version 1; the first one saves.
    await editor
      .put(url(`saved-queries/${loaded.id}`))
      .send({ name: 'Shared', query: 'Metrics', version: loaded.version })
      .expect(200);
    const stale = await editor
      .put(url(`saved-queries/${loaded.id}`))
      .set('X-Request-Id', 'req-stale-saved-query')
      .send({ name: 'Shared', query: 'Guardrails', version: loaded.version })
      .expect(409);
    expect(problemSchema.parse(stale.body)).toMatchObject({
      type: expect.stringMatching(/stale-version$/),
      detail: expect.stringContaining('You edited version 1 of the saved query'),
    });
    const stored = savedQueryListSchema
      .parse((await viewer.get(url('saved-queries')).expect(200)).body)
      .items.find((item) => item.id === loaded.id);
    expect(stored).toMatchObject({ name: 'Shared', query: 'Metrics', version: 2 });
    const [events] = await testApp.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_event WHERE request_id = 'req-stale-saved-query'`,
    );
    expect(events.count).toBe(0);

    // A missing version is a 400 naming the field.
    const missing = await editor
      .put(url(`saved-queries/${loaded.id}`))
      .send({ name: 'Shared', query: 'Guardrails' })
      .expect(400);
    expect(problemSchema.parse(missing.body).errors?.[0]?.path).toBe('version');
  });
});
