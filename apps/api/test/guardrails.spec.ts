import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  followListSchema,
  guardrailPageSchema,
  guardrailSchema,
  guardrailStatusChangePageSchema,
  portfolioSchema,
  problemSchema,
  programSchema,
  statusReportSchema,
} from '@bearing/contracts';
import {
  type Browser,
  countRows,
  createMember,
  createUser,
  createWorkspace,
  signIn,
  type TestWorkspace,
} from './support/factories.js';
import { createGuardrail, createMetric, insertPoints } from './support/okr-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { WorkerPool } from '../src/common/worker-pool/worker-pool.js';

describe('guardrails', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let editorBrowser: Browser;
  const url = (path: string) => `/api/workspaces/${workspace.slug}/${path}`;
  const fieldErrors = (body: unknown) => problemSchema.parse(body).errors ?? [];

  beforeAll(async () => {
    testApp = await createTestApp();
    const admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    editorBrowser = await signIn(testApp, await createMember(testApp, workspace, 'editor'));
  });
  afterAll(async () => {
    await testApp.close();
  });

  const getGuardrail = async (id: string) =>
    guardrailSchema.parse((await editorBrowser.get(url(`guardrails/${id}`)).expect(200)).body);
  const push = (key: string, points: { timestamp: string; value: number }[]) =>
    editorBrowser
      .post(url(`metrics/${key}/points`))
      .send(points)
      .expect(200);

  it('evaluates the latest point as points arrive and keeps every change of status', async () => {
    const metric = await createMetric(testApp, workspace, {
      key: 'playback.start_p95',
      direction: 'decrease-is-good',
      category: 'technical-health',
    });
    // p95 latency of 200 ms may rise by 10 %: the margin is 20 ms, the limit 220 ms, and it
    // warns from 0.8 × 20 = 16 ms worse, i.e. 216 ms.
    const created = guardrailSchema.parse(
      (
        await editorBrowser
          .post(url('guardrails'))
          .send({
            metricKey: metric.key,
            baseline: 200,
            threshold: { type: 'relative', value: 0.1 },
          })
          .expect(201)
      ).body,
    );
    expect(created).toMatchObject({
      metricKey: metric.key,
      metric: { key: metric.key, direction: 'decrease-is-good' },
      baseline: 200,
      threshold: { type: 'relative', value: 0.1 },
      warnAt: null,
      status: null,
      evaluation: null,
      history: [],
      version: 1,
    });

    await push(metric.key, [{ timestamp: '2026-01-01', value: 205 }]);
    expect(await getGuardrail(created.id)).toMatchObject({
      status: 'ok',
      history: [
        {
          from: null,
          to: 'ok',
          value: 205,
          timestamp: '2026-01-01T00:00:00.000Z',
          cause: 'points',
        },
      ],
    });

    await push(metric.key, [{ timestamp: '2026-01-02', value: 217 }]);
    const warning = await getGuardrail(created.id);
    expect(warning.status).toBe('warning');
    expect(warning.evaluation).toMatchObject({
      value: 217,
      timestamp: '2026-01-02T00:00:00.000Z',
      deterioration: 17,
    });
    expect(warning.evaluation?.limit).toBeCloseTo(220, 12);
    expect(warning.evaluation?.marginUsed).toBeCloseTo(0.85, 12);
    expect(warning.history[0]).toMatchObject({ from: 'ok', to: 'warning', value: 217 });

    // An older point does not move the latest one: nothing changes.
    await push(metric.key, [{ timestamp: '2025-12-31', value: 300 }]);
    expect((await getGuardrail(created.id)).history).toHaveLength(2);

    await push(metric.key, [{ timestamp: '2026-01-03', value: 225 }]);
    const breached = await getGuardrail(created.id);
    expect(breached).toMatchObject({ status: 'breached', evaluation: { value: 225 } });

    // Re-sending the same point changes nothing; a new value for the same timestamp does.
    await push(metric.key, [{ timestamp: '2026-01-03', value: 225 }]);
    expect((await getGuardrail(created.id)).history).toHaveLength(3);
    await push(metric.key, [{ timestamp: '2026-01-03', value: 218 }]);
    const replaced = await getGuardrail(created.id);
    expect(replaced.status).toBe('warning');
    expect(replaced.history.map(({ from, to, value }) => [from, to, value])).toEqual([
      ['breached', 'warning', 218],
      ['warning', 'breached', 225],
      ['ok', 'warning', 217],
      [null, 'ok', 205],
    ]);
  });

  it('re-evaluates when the guardrail or its metric is edited, recording why', async () => {
    const metric = await createMetric(testApp, workspace, { direction: 'decrease-is-good' });
    await insertPoints(testApp, metric, [{ timestamp: '2026-02-01T00:00:00Z', value: 218 }]);
    // Created on a metric with points: evaluated at once. 18 ms worse ≥ 16: warning.
    const created = guardrailSchema.parse(
      (
        await editorBrowser
          .post(url('guardrails'))
          .send({
            metricKey: metric.key,
            baseline: 200,
            threshold: { type: 'relative', value: 0.1 },
          })
          .expect(201)
      ).body,
    );
    expect(created).toMatchObject({
      status: 'warning',
      history: [{ from: null, to: 'warning', value: 218, cause: 'created' }],
    });

    // An absolute margin of 30: 18 < 0.8 × 30 = 24, ok.
    const widened = guardrailSchema.parse(
      (
        await editorBrowser
          .patch(url(`guardrails/${created.id}`))
          .send({ threshold: { type: 'absolute', value: 30 }, version: 1 })
          .expect(200)
      ).body,
    );
    expect(widened).toMatchObject({ status: 'ok', version: 2, evaluation: { limit: 230 } });
    expect(widened.history[0]).toMatchObject({ from: 'warning', to: 'ok', cause: 'edited' });

    // Warning from half the margin: 18 ≥ 15.
    const stricter = guardrailSchema.parse(
      (
        await editorBrowser
          .patch(url(`guardrails/${created.id}`))
          .send({ warnAt: 0.5, version: 2 })
          .expect(200)
      ).body,
    );
    expect(stricter).toMatchObject({ status: 'warning', warnAt: 0.5, version: 3 });

    // If higher is better, 218 against 200 is an improvement.
    await editorBrowser
      .patch(url(`metrics/${metric.key}`))
      .send({ direction: 'increase-is-good', version: 1 })
      .expect(200);
    const flipped = await getGuardrail(created.id);
    expect(flipped).toMatchObject({ status: 'ok', version: 3, evaluation: { deterioration: 0 } });
    expect(flipped.history[0]).toMatchObject({ from: 'warning', to: 'ok', cause: 'metric-edited' });

    const stale = await editorBrowser
      .patch(url(`guardrails/${created.id}`))
      .send({ baseline: 1, version: 2 })
      .expect(409);
    expect(problemSchema.parse(stale.body).type).toMatch(/stale-version$/);

    // The full history pages newest first.
    const first = guardrailStatusChangePageSchema.parse(
      (await editorBrowser.get(url(`guardrails/${created.id}/history?limit=2`)).expect(200)).body,
    );
    expect(first.items.map(({ cause }) => cause)).toEqual(['metric-edited', 'edited']);
    const rest = guardrailStatusChangePageSchema.parse(
      (
        await editorBrowser
          .get(url(`guardrails/${created.id}/history?limit=2&cursor=${first.nextCursor}`))
          .expect(200)
      ).body,
    );
    expect(rest.items.map(({ cause }) => cause)).toEqual(['edited', 'created']);
    expect(rest.nextCursor).toBeNull();
  });

  /** Waits until a session of this database waits for a lock in a statement matching `pattern`. */
  async function waitUntilBlocked(pattern: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const [row]: { n: string }[] = await testApp.dataSource.query(
        `SELECT count(*) AS n FROM pg_stat_activity
          WHERE "datname" = current_database() AND "wait_event_type" = 'Lock'
            AND "query" LIKE $1`,
        [pattern],
      );
      if (Number(row?.n) >= 1) return;
      if (Date.now() > deadline) throw new Error(`nothing waited in ${pattern}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('a points upload racing a direction edit evaluates with the edited direction', async () => {
    // Created as "higher is better" by mistake: 218 ms against 200 reads as an improvement.
    const metric = await createMetric(testApp, workspace, { direction: 'increase-is-good' });
    await insertPoints(testApp, metric, [{ timestamp: '2026-02-01T00:00:00Z', value: 218 }]);
    const guardrail = guardrailSchema.parse(
      (
        await editorBrowser
          .post(url('guardrails'))
          .send({
            metricKey: metric.key,
            baseline: 200,
            threshold: { type: 'relative', value: 0.1 },
          })
          .expect(201)
      ).body,
    );
    expect(guardrail.status).toBe('ok');
    // While the upload is read on the worker pool (after its metric was read), the direction is
    // corrected: 218 is 18 ms worse ≥ 16, a warning.
    const pool = testApp.app.get(WorkerPool);
    const realRun = pool.run.bind(pool);
    const spy = jest.spyOn(pool, 'run').mockImplementationOnce(async (...args) => {
      await editorBrowser
        .patch(url(`metrics/${metric.key}`))
        .send({ direction: 'decrease-is-good', version: 1 })
        .expect(200);
      return realRun(...args);
    });
    try {
      await push(metric.key, [{ timestamp: '2026-02-02', value: 219 }]);
    } finally {
      spy.mockRestore();
    }
    const after = await getGuardrail(guardrail.id);
    expect(after.status).toBe('warning');
    expect(after.history[0]).toMatchObject({ from: 'ok', to: 'warning', cause: 'metric-edited' });
    const warnings = guardrailPageSchema.parse(
      (await editorBrowser.get(url(`guardrails?status=warning&metric=${metric.key}`)).expect(200))
        .body,
    );
    expect(warnings.items.map(({ id }) => id)).toEqual([guardrail.id]);
  });

  it('a guardrail created while its direction is being edited is evaluated with the edited direction', async () => {
    const metric = await createMetric(testApp, workspace, { direction: 'increase-is-good' });
    await insertPoints(testApp, metric, [{ timestamp: '2026-02-01T00:00:00Z', value: 218 }]);
    // A transaction holding the metric's lock, as an edit of its direction does.
    const runner = testApp.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`SELECT 1 FROM "metric" WHERE "id" = $1 FOR NO KEY UPDATE`, [metric.id]);
      await runner.query(`UPDATE "metric" SET "direction" = 'decrease-is-good' WHERE "id" = $1`, [
        metric.id,
      ]);
      const creating = editorBrowser
        .post(url('guardrails'))
        .send({ metricKey: metric.key, baseline: 200, threshold: { type: 'relative', value: 0.1 } })
        .then((response) => response);
      await waitUntilBlocked('%FROM "metric"%FOR NO KEY UPDATE%');
      await runner.commitTransaction();
      const created = await creating;
      expect(created.status).toBe(201);
      expect(guardrailSchema.parse(created.body)).toMatchObject({
        status: 'warning',
        metric: { direction: 'decrease-is-good' },
        history: [{ from: null, to: 'warning', value: 218, cause: 'created' }],
      });
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('refuses a guardrail on an archived metric at metricKey, also one archived while it was being created', async () => {
    const archived = await createMetric(testApp, workspace);
    const racing = await createMetric(testApp, workspace);
    await editorBrowser
      .patch(url(`metrics/${archived.key}`))
      .send({ archived: true, version: 1 })
      .expect(200);
    const before = await countRows(testApp);
    const refused = await editorBrowser
      .post(url('guardrails'))
      .send({ metricKey: archived.key, baseline: 1, threshold: { type: 'absolute', value: 1 } })
      .expect(400);
    expect(fieldErrors(refused.body)).toEqual([
      {
        path: 'metricKey',
        message: `is an archived metric ("${archived.key}"): an archived metric takes no new guardrails — unarchive it first`,
      },
    ]);
    expect(await countRows(testApp)).toEqual(before);

    // An archive in progress, holding the metric's lock as an edit does: the create waits for it.
    const runner = testApp.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`SELECT 1 FROM "metric" WHERE "id" = $1 FOR NO KEY UPDATE`, [racing.id]);
      await runner.query(`UPDATE "metric" SET "archived" = true WHERE "id" = $1`, [racing.id]);
      const creating = editorBrowser
        .post(url('guardrails'))
        .send({ metricKey: racing.key, baseline: 1, threshold: { type: 'absolute', value: 1 } })
        .then((response) => response);
      await waitUntilBlocked('%FROM "metric"%FOR NO KEY UPDATE%');
      await runner.commitTransaction();
      const created = await creating;
      expect(created.status).toBe(400);
      expect(fieldErrors(created.body).map(({ path }) => path)).toEqual(['metricKey']);
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await countRows(testApp)).toEqual(before);
  });

  it('re-evaluates on the latest point left when a wrong point is removed', async () => {
    const metric = await createMetric(testApp, workspace, { direction: 'decrease-is-good' });
    const guardrail = guardrailSchema.parse(
      (
        await editorBrowser
          .post(url('guardrails'))
          .send({
            metricKey: metric.key,
            baseline: 200,
            threshold: { type: 'relative', value: 0.1 },
          })
          .expect(201)
      ).body,
    );
    await push(metric.key, [{ timestamp: '2026-01-01', value: 205 }]);
    // A value pushed by mistake: 300 ms breaches.
    await push(metric.key, [{ timestamp: '2026-01-02', value: 300 }]);
    expect((await getGuardrail(guardrail.id)).status).toBe('breached');

    await editorBrowser
      .delete(url(`metrics/${metric.key}/points`))
      .query({ timestamp: '2026-01-02' })
      .expect(200, { deleted: 1 });
    const after = await getGuardrail(guardrail.id);
    expect(after).toMatchObject({ status: 'ok', evaluation: { value: 205 } });
    expect(after.history[0]).toMatchObject({
      from: 'breached',
      to: 'ok',
      value: 205,
      timestamp: '2026-01-01T00:00:00.000Z',
      cause: 'points',
    });
    const breached = guardrailPageSchema.parse(
      (await editorBrowser.get(url(`guardrails?status=breached&metric=${metric.key}`)).expect(200))
        .body,
    );
    expect(breached.items).toEqual([]);
  });

  it('has no status once every point of its metric is removed, as before the first', async () => {
    const metric = await createMetric(testApp, workspace, { direction: 'decrease-is-good' });
    const guardrail = guardrailSchema.parse(
      (
        await editorBrowser
          .post(url('guardrails'))
          .send({
            metricKey: metric.key,
            baseline: 200,
            threshold: { type: 'relative', value: 0.1 },
          })
          .expect(201)
      ).body,
    );
    await push(metric.key, [{ timestamp: '2026-01-01', value: 300 }]);
    expect((await getGuardrail(guardrail.id)).status).toBe('breached');
    await editorBrowser
      .delete(url(`metrics/${metric.key}/points`))
      .query({ from: '2026-01-01' })
      .expect(200, { deleted: 1 });
    expect(await getGuardrail(guardrail.id)).toMatchObject({ status: null, evaluation: null });
    const breached = guardrailPageSchema.parse(
      (await editorBrowser.get(url(`guardrails?status=breached&metric=${metric.key}`)).expect(200))
        .body,
    );
    expect(breached.items).toEqual([]);
    // The next point is evaluated as a first one.
    await push(metric.key, [{ timestamp: '2026-01-02', value: 205 }]);
    expect((await getGuardrail(guardrail.id)).history[0]).toMatchObject({
      from: null,
      to: 'ok',
      cause: 'points',
    });
  });

  it('lists guardrails filtered by metric and status', async () => {
    const metric = await createMetric(testApp, workspace, { key: 'crash-free-sessions' });
    await insertPoints(testApp, metric, [{ timestamp: '2026-01-01T00:00:00Z', value: 99.0 }]);
    const create = async (baseline: number) =>
      guardrailSchema.parse(
        (
          await editorBrowser
            .post(url('guardrails'))
            .send({ metricKey: metric.key, baseline, threshold: { type: 'absolute', value: 0.5 } })
            .expect(201)
        ).body,
      );
    const holding = await create(99.2);
    const broken = await create(99.8);
    const byMetric = guardrailPageSchema.parse(
      (await editorBrowser.get(url('guardrails?metric=crash-free-sessions')).expect(200)).body,
    );
    expect(byMetric.items.map(({ id, status }) => [id, status])).toEqual([
      [holding.id, 'ok'],
      [broken.id, 'breached'],
    ]);
    const breached = guardrailPageSchema.parse(
      (await editorBrowser.get(url('guardrails?status=breached')).expect(200)).body,
    );
    expect(breached.items.map(({ id }) => id)).toContain(broken.id);
    expect(breached.items.map(({ id }) => id)).not.toContain(holding.id);
  });

  it('refuses bad thresholds, warn levels and metrics, naming the field', async () => {
    const metric = await createMetric(testApp, workspace);
    const before = await countRows(testApp);
    const bad = await editorBrowser
      .post(url('guardrails'))
      .send({
        metricKey: metric.key,
        baseline: 1,
        threshold: { type: 'relative', value: -0.1 },
        warnAt: 1.5,
      })
      .expect(400);
    expect(
      fieldErrors(bad.body)
        .map(({ path }) => path)
        .sort(),
    ).toEqual(['threshold.value', 'warnAt']);
    const type = await editorBrowser
      .post(url('guardrails'))
      .send({ metricKey: metric.key, baseline: 1, threshold: { type: 'percent', value: 1 } })
      .expect(400);
    expect(fieldErrors(type.body)[0]?.path).toBe('threshold.type');
    const unknown = await editorBrowser
      .post(url('guardrails'))
      .send({ metricKey: 'no-such-metric', baseline: 1, threshold: { type: 'absolute', value: 1 } })
      .expect(400);
    expect(fieldErrors(unknown.body)).toEqual([
      { path: 'metricKey', message: 'is not a metric of this workspace: "no-such-metric"' },
    ]);
    expect(await countRows(testApp)).toEqual(before);
  });

  it('lets viewers read but not write, and hides other workspaces', async () => {
    const metric = await createMetric(testApp, workspace);
    const guardrail = guardrailSchema.parse(
      (
        await editorBrowser
          .post(url('guardrails'))
          .send({ metricKey: metric.key, baseline: 1, threshold: { type: 'absolute', value: 1 } })
          .expect(201)
      ).body,
    );
    const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
    await viewer.get(url(`guardrails/${guardrail.id}`)).expect(200);
    await viewer.get(url(`guardrails/${guardrail.id}/history`)).expect(200);
    const before = await countRows(testApp);
    await viewer
      .patch(url(`guardrails/${guardrail.id}`))
      .send({ baseline: 2, version: 1 })
      .expect(403);
    await viewer
      .post(url('guardrails'))
      .send({ metricKey: metric.key, baseline: 1, threshold: { type: 'absolute', value: 1 } })
      .expect(403);
    expect(await countRows(testApp)).toEqual(before);

    const outsider = await createUser(testApp);
    const theirWorkspace = await createWorkspace(testApp, outsider);
    const theirs = await signIn(testApp, outsider);
    await theirs
      .get(`/api/workspaces/${theirWorkspace.slug}/guardrails/${guardrail.id}`)
      .expect(404);
    await theirs
      .patch(`/api/workspaces/${theirWorkspace.slug}/guardrails/${guardrail.id}`)
      .send({ baseline: 2, version: 1 })
      .expect(404);
    const foreign = await theirs
      .post(`/api/workspaces/${theirWorkspace.slug}/guardrails`)
      .send({ metricKey: metric.key, baseline: 1, threshold: { type: 'absolute', value: 1 } })
      .expect(400);
    expect(fieldErrors(foreign.body)[0]?.path).toBe('metricKey');
  });

  it('deletes a guardrail: off the portfolio and its programs, unfollowed, its history gone', async () => {
    const metric = await createMetric(testApp, workspace, { direction: 'decrease-is-good' });
    const guardrail = guardrailSchema.parse(
      (
        await editorBrowser
          .post(url('guardrails'))
          .send({ metricKey: metric.key, baseline: 100, threshold: { type: 'absolute', value: 5 } })
          .expect(201)
      ).body,
    );
    await push(metric.key, [{ timestamp: '2026-01-01', value: 120 }]);
    expect((await getGuardrail(guardrail.id)).status).toBe('breached');
    const kept = await createGuardrail(testApp, metric, { baseline: 200 });
    const editor = await createMember(testApp, workspace, 'editor');
    const owner = await signIn(testApp, editor);
    const program = programSchema.parse(
      (
        await owner
          .post(url('programs'))
          .send({
            name: 'Podcast ads expansion',
            ownerId: editor.id,
            start: '2026-01-05',
            guardrailIds: [guardrail.id, kept.id],
          })
          .expect(201)
      ).body,
    );
    await editorBrowser
      .post(url('follows'))
      .send({ subject: { type: 'guardrail', id: guardrail.id } })
      .expect(201);
    await owner
      .post(url('follows'))
      .send({ subject: { type: 'guardrail', id: guardrail.id } })
      .expect(201);
    await owner
      .post(url('follows'))
      .send({ subject: { type: 'guardrail', id: kept.id } })
      .expect(201);
    const portfolio = async () =>
      portfolioSchema.parse((await editorBrowser.get(url('portfolio')).expect(200)).body);
    expect((await portfolio()).guardrails.map(({ id }) => id)).toContain(guardrail.id);
    const reports = url(`programs/${program.id}/reports`);
    const draft = statusReportSchema.parse(
      (await owner.post(reports).send({ week: '2026-01-05' }).expect(201)).body,
    );
    await owner.post(`${reports}/${draft.id}/publish`).send({}).expect(201);
    const publishedGuardrails = async () => {
      const report = statusReportSchema.parse(
        (await owner.get(`${reports}/${draft.id}`).expect(200)).body,
      );
      const section = report.snapshot.sections.guardrails;
      if (section.status !== 'available') throw new Error('guardrails unavailable');
      return section.items.map(({ guardrailId, status }) => [guardrailId, status]);
    };
    const published = await publishedGuardrails();
    expect(published).toContainEqual([guardrail.id, 'breached']);

    await editorBrowser.delete(url(`guardrails/${guardrail.id}`)).expect(204);

    // A published report is a record of its week: it still shows the guardrail as it was.
    expect(await publishedGuardrails()).toEqual(published);

    await editorBrowser.get(url(`guardrails/${guardrail.id}`)).expect(404);
    await editorBrowser.get(url(`guardrails/${guardrail.id}/history`)).expect(404);
    expect((await portfolio()).guardrails.map(({ id }) => id)).not.toContain(guardrail.id);
    const linked = programSchema.parse(
      (await owner.get(url(`programs/${program.id}`)).expect(200)).body,
    );
    expect(linked.guardrailIds).toEqual([kept.id]);
    const followed = async (browser: Browser) =>
      followListSchema
        .parse((await browser.get(url('follows')).expect(200)).body)
        .items.map(({ subject }) => subject.id);
    expect(await followed(editorBrowser)).not.toContain(guardrail.id);
    expect(await followed(owner)).toEqual([kept.id]);
    const [history]: { count: string }[] = await testApp.dataSource.query(
      `SELECT count(*) FROM "guardrail_status_change" WHERE "guardrail_id" = $1`,
      [guardrail.id],
    );
    expect(history?.count).toBe('0');
    const events: { action: string; target_label: string; details: Record<string, unknown> }[] =
      await testApp.dataSource.query(
        `SELECT "action", "target_label", "details" FROM "audit_event"
          WHERE "workspace_id" = $1 AND "target_id" = $2 ORDER BY "created_at" DESC LIMIT 1`,
        [workspace.id, guardrail.id],
      );
    expect(events[0]).toMatchObject({
      action: 'guardrail.deleted',
      target_label: `Guardrail · ${metric.name}`,
      details: { metricKey: metric.key, status: 'breached' },
    });
    // The metric and its points stay; so does its other guardrail.
    await editorBrowser.get(url(`metrics/${metric.key}`)).expect(200);
    await editorBrowser.get(url(`guardrails/${kept.id}`)).expect(200);
    await editorBrowser.delete(url(`guardrails/${guardrail.id}`)).expect(404);
  });

  it('lets only editors of its own workspace delete a guardrail', async () => {
    const metric = await createMetric(testApp, workspace);
    const guardrail = await createGuardrail(testApp, metric);
    const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
    const outsider = await createUser(testApp);
    const theirWorkspace = await createWorkspace(testApp, outsider);
    const theirs = await signIn(testApp, outsider);
    const before = await countRows(testApp);
    await viewer.delete(url(`guardrails/${guardrail.id}`)).expect(403);
    await theirs
      .delete(`/api/workspaces/${theirWorkspace.slug}/guardrails/${guardrail.id}`)
      .expect(404);
    expect(await countRows(testApp)).toEqual(before);
    await getGuardrail(guardrail.id);
  });
});
