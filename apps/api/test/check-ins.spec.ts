import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  checkInPageSchema,
  checkInSchema,
  keyResultPageSchema,
  keyResultSchema,
  problemSchema,
} from '@bearing/contracts';
import {
  type Browser,
  countRows,
  createMember,
  createUser,
  createWorkspace,
  signIn,
  type TestUser,
  type TestWorkspace,
} from './support/factories.js';
import {
  createKeyResult,
  createObjective,
  createPeriod,
  pinToday,
} from './support/okr-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** The problem's field errors, for asserting which field a 400 names. */
function fieldErrors(body: unknown) {
  return problemSchema.parse(body).errors ?? [];
}

describe('check-ins', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let editor: TestUser;
  let editorBrowser: Browser;
  let clock: { restore(): void };
  const url = (path: string) => `/api/workspaces/${workspace.slug}/${path}`;

  beforeAll(async () => {
    testApp = await createTestApp();
    const admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    editor = await createMember(testApp, workspace, 'editor');
    editorBrowser = await signIn(testApp, editor);
  });
  afterAll(async () => {
    await testApp.close();
  });
  // 2024 Q1 runs 90 days from 2024-01-01 to 2024-03-31: on 2024-02-15, 45 have elapsed.
  beforeEach(() => {
    clock = pinToday(testApp, '2024-02-15');
  });
  afterEach(() => clock.restore());

  describe('check-ins', () => {
    it('keeps every check-in as history, latest first, with its author', async () => {
      const period = await createPeriod(testApp, workspace, {
        start: '2024-01-01',
        end: '2024-03-31',
      });
      const objective = await createObjective(testApp, workspace, editor, period);
      const keyResult = await createKeyResult(testApp, objective);
      const post = (body: object) =>
        editorBrowser
          .post(url(`key-results/${keyResult.id}/check-ins`))
          .send(body)
          .expect(201);
      const first = checkInSchema.parse(
        (await post({ value: 10, confidence: 'on-track', note: 'Started', date: '2024-02-01' }))
          .body,
      );
      expect(first).toMatchObject({
        keyResultId: keyResult.id,
        value: 10,
        confidence: 'on-track',
        note: 'Started',
        date: '2024-02-01',
        author: { id: editor.id, email: editor.email },
      });
      await post({ value: 12, confidence: 'at-risk', date: '2024-02-08' });
      await post({ value: 11, confidence: 'at-risk', note: 'Typo fixed', date: '2024-02-08' });
      // The date defaults to (the pinned) today.
      const today = checkInSchema.parse((await post({ value: 13, confidence: 'on-track' })).body);
      expect(today.date).toBe('2024-02-15');

      const history = checkInPageSchema.parse(
        (await editorBrowser.get(url(`key-results/${keyResult.id}/check-ins`)).expect(200)).body,
      );
      expect(history.items.map(({ value }) => value)).toEqual([13, 11, 12, 10]);
      const paged = checkInPageSchema.parse(
        (await editorBrowser.get(url(`key-results/${keyResult.id}/check-ins?limit=3`)).expect(200))
          .body,
      );
      const rest = checkInPageSchema.parse(
        (
          await editorBrowser
            .get(url(`key-results/${keyResult.id}/check-ins?limit=3&cursor=${paged.nextCursor}`))
            .expect(200)
        ).body,
      );
      expect(rest.items.map(({ value }) => value)).toEqual([10]);
      const read = keyResultSchema.parse(
        (await editorBrowser.get(url(`key-results/${keyResult.id}`)).expect(200)).body,
      );
      expect(read.lastCheckIn?.id).toBe(today.id);
    });

    it('refuses a check-in on a closed or cancelled objective, naming the status, storing nothing', async () => {
      const period = await createPeriod(testApp, workspace, {
        start: '2024-01-01',
        end: '2024-03-31',
      });
      for (const status of ['closed', 'cancelled'] as const) {
        const objective = await createObjective(testApp, workspace, editor, period, { status });
        const keyResult = await createKeyResult(testApp, objective);
        const before = await countRows(testApp);
        const response = await editorBrowser
          .post(url(`key-results/${keyResult.id}/check-ins`))
          .send({ value: 1, confidence: 'on-track' })
          .expect(400);
        expect(fieldErrors(response.body)[0]).toEqual({
          path: 'objective.status',
          message: `is ${status}: only key results of active objectives take check-ins`,
        });
        expect(await countRows(testApp)).toEqual(before);
      }
    });

    it('closing an objective stops its check-ins; reopening allows them again', async () => {
      const period = await createPeriod(testApp, workspace, {
        start: '2024-01-01',
        end: '2024-03-31',
      });
      const objective = await createObjective(testApp, workspace, editor, period);
      const keyResult = await createKeyResult(testApp, objective);
      await editorBrowser
        .patch(url(`objectives/${objective.id}`))
        .send({ status: 'closed', version: 1 })
        .expect(200);
      await editorBrowser
        .post(url(`key-results/${keyResult.id}/check-ins`))
        .send({ value: 1, confidence: 'on-track' })
        .expect(400);
      await editorBrowser
        .patch(url(`objectives/${objective.id}`))
        .send({ status: 'active', version: 2 })
        .expect(200);
      await editorBrowser
        .post(url(`key-results/${keyResult.id}/check-ins`))
        .send({ value: 1, confidence: 'on-track' })
        .expect(201);
    });

    it('refuses a milestone value other than 0 or 1, a future date and a bad confidence', async () => {
      const period = await createPeriod(testApp, workspace, {
        start: '2024-01-01',
        end: '2024-03-31',
      });
      const objective = await createObjective(testApp, workspace, editor, period);
      const milestone = await createKeyResult(testApp, objective, {
        kind: 'milestone',
        baseline: 0,
        target: 1,
      });
      const checkIns = url(`key-results/${milestone.id}/check-ins`);
      const half = await editorBrowser
        .post(checkIns)
        .send({ value: 0.5, confidence: 'on-track' })
        .expect(400);
      expect(fieldErrors(half.body)[0]?.path).toBe('value');
      const future = await editorBrowser
        .post(checkIns)
        .send({ value: 1, confidence: 'on-track', date: '2024-02-16' })
        .expect(400);
      expect(fieldErrors(future.body)[0]).toEqual({
        path: 'date',
        message: 'must not be after today (2024-02-15)',
      });
      const confidence = await editorBrowser
        .post(checkIns)
        .send({ value: 1, confidence: 'sure' })
        .expect(400);
      expect(fieldErrors(confidence.body)[0]?.path).toBe('confidence');
    });

    it("a check-in waits for a concurrent change of its key result's kind, and obeys it", async () => {
      const period = await createPeriod(testApp, workspace, {
        start: '2024-01-01',
        end: '2024-03-31',
      });
      const objective = await createObjective(testApp, workspace, editor, period);
      const keyResult = await createKeyResult(testApp, objective);
      // Another transaction turns the key result into a milestone, holding its row as an edit does.
      const runner = testApp.dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        await runner.query(`SELECT 1 FROM "key_result" WHERE "id" = $1 FOR UPDATE`, [keyResult.id]);
        await runner.query(
          `UPDATE "key_result" SET "kind" = 'milestone', "baseline" = 0, "target" = 1 WHERE "id" = $1`,
          [keyResult.id],
        );
        const checkIn = editorBrowser
          .post(url(`key-results/${keyResult.id}/check-ins`))
          .send({ value: 42, confidence: 'on-track' })
          .then((response) => response);
        // Until the check-in waits on the key result's row (its lock, or its insert's key check).
        const deadline = Date.now() + 20_000;
        for (;;) {
          const [row]: { n: string }[] = await testApp.dataSource.query(
            `SELECT count(*) AS n FROM pg_stat_activity
              WHERE "wait_event_type" = 'Lock'
                AND (ltrim("query") LIKE 'SELECT 1 FROM "key_result"%'
                     OR ltrim("query") LIKE 'INSERT INTO "check_in"%')`,
          );
          if (Number(row?.n) >= 1) break;
          if (Date.now() > deadline) throw new Error('the check-in never waited');
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await runner.commitTransaction();
        const response = await checkIn;
        expect(response.status).toBe(400);
        expect(fieldErrors(response.body)).toEqual([
          { path: 'value', message: 'must be 0 (not done) or 1 (done) for a milestone' },
        ]);
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
      const stored = checkInPageSchema.parse(
        (await editorBrowser.get(url(`key-results/${keyResult.id}/check-ins`)).expect(200)).body,
      );
      expect(stored.items).toEqual([]);
    });

    it('refuses a check-in dated in year 0000, naming date, storing nothing', async () => {
      const period = await createPeriod(testApp, workspace, {
        start: '2024-01-01',
        end: '2024-03-31',
      });
      const objective = await createObjective(testApp, workspace, editor, period);
      const keyResult = await createKeyResult(testApp, objective);
      const response = await editorBrowser
        .post(url(`key-results/${keyResult.id}/check-ins`))
        .send({ value: 1, confidence: 'on-track', date: '0000-01-01' })
        .expect(400);
      expect(fieldErrors(response.body)).toEqual([
        { path: 'date', message: 'must be a calendar date from 0001-01-01 to 9999-12-31' },
      ]);
      const stored = checkInPageSchema.parse(
        (await editorBrowser.get(url(`key-results/${keyResult.id}/check-ins`)).expect(200)).body,
      );
      expect(stored.items).toEqual([]);
    });

    it('says when a check-in is due or overdue for the cadence', async () => {
      const period = await createPeriod(testApp, workspace, {
        start: '2024-01-01',
        end: '2024-03-31',
      });
      const objective = await createObjective(testApp, workspace, editor, period);
      const startedOn = new Date('2024-01-02T09:00:00Z');
      const recent = await createKeyResult(testApp, objective, { createdAt: startedOn });
      const lapsed = await createKeyResult(testApp, objective, { createdAt: startedOn });
      const never = await createKeyResult(testApp, objective, { createdAt: startedOn });
      const fresh = await createKeyResult(testApp, objective, {
        createdAt: new Date('2024-02-12T09:00:00Z'),
      });
      const checkIn = (id: string, date: string) =>
        editorBrowser
          .post(url(`key-results/${id}/check-ins`))
          .send({ value: 1, confidence: 'on-track', date })
          .expect(201);
      await checkIn(recent.id, '2024-02-10'); // next due 02-17
      await checkIn(lapsed.id, '2024-02-06'); // due since 02-13, overdue from 02-20
      const dueness = async () => {
        const page = keyResultPageSchema.parse(
          (await editorBrowser.get(url(`key-results?objective=${objective.id}`)).expect(200)).body,
        );
        return Object.fromEntries(page.items.map(({ id, checkInDue }) => [id, checkInDue]));
      };
      expect(await dueness()).toEqual({
        [recent.id]: null,
        [lapsed.id]: 'due',
        [never.id]: 'overdue',
        [fresh.id]: null,
      });
      clock.restore();
      clock = pinToday(testApp, '2024-02-20');
      expect(await dueness()).toEqual({
        [recent.id]: 'due',
        [lapsed.id]: 'overdue',
        [never.id]: 'overdue',
        [fresh.id]: 'due',
      });
      // After the period, or once the objective is closed, nothing is due any more.
      clock.restore();
      clock = pinToday(testApp, '2024-04-01');
      expect(Object.values(await dueness())).toEqual([null, null, null, null]);
    });
  });
});
