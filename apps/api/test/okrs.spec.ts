import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  keyResultPageSchema,
  objectivePageSchema,
  objectiveSchema,
  periodPageSchema,
  periodSchema,
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
import type { Objective } from '../src/okrs/objectives/objective.entity.js';

/** The problem's field errors, for asserting which field a 400 names. */
function fieldErrors(body: unknown) {
  return problemSchema.parse(body).errors ?? [];
}

describe('periods and objectives', () => {
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

  describe('periods', () => {
    it('creates, lists (latest start first), reads and edits periods', async () => {
      const created = periodSchema.parse(
        (
          await editorBrowser
            .post(url('periods'))
            .send({ name: '2026 Q4', start: '2026-10-01', end: '2026-12-31' })
            .expect(201)
        ).body,
      );
      expect(created).toMatchObject({ name: '2026 Q4', start: '2026-10-01', version: 1 });
      await editorBrowser
        .post(url('periods'))
        .send({ name: '2026 H2', start: '2026-07-01', end: '2026-12-31' })
        .expect(201);
      const page = periodPageSchema.parse(
        (await editorBrowser.get(url('periods')).expect(200)).body,
      );
      expect(page.items.map(({ name }) => name).slice(0, 2)).toEqual(['2026 Q4', '2026 H2']);
      expect(
        periodSchema.parse(
          (await editorBrowser.get(url(`periods/${created.id}`)).expect(200)).body,
        ),
      ).toEqual(created);
      const edited = periodSchema.parse(
        (
          await editorBrowser
            .patch(url(`periods/${created.id}`))
            .send({ name: '2026 Q4 (final)', version: 1 })
            .expect(200)
        ).body,
      );
      expect(edited).toMatchObject({ name: '2026 Q4 (final)', end: '2026-12-31', version: 2 });
      const stale = await editorBrowser
        .patch(url(`periods/${created.id}`))
        .send({ name: 'late', version: 1 })
        .expect(409);
      expect(problemSchema.parse(stale.body).type).toMatch(/stale-version$/);
    });

    it('refuses a period ending before it starts, naming end, also after an edit', async () => {
      const response = await editorBrowser
        .post(url('periods'))
        .send({ name: 'Backwards', start: '2026-03-31', end: '2026-01-01' })
        .expect(400);
      expect(fieldErrors(response.body)).toEqual([
        { path: 'end', message: 'must not be before start' },
      ]);
      const period = await createPeriod(testApp, workspace, {
        start: '2026-01-01',
        end: '2026-03-31',
      });
      const edit = await editorBrowser
        .patch(url(`periods/${period.id}`))
        .send({ start: '2026-04-01', version: 1 })
        .expect(400);
      expect(fieldErrors(edit.body)).toEqual([
        { path: 'end', message: 'must not be before start' },
      ]);
      const bad = await editorBrowser
        .post(url('periods'))
        .send({ name: 'x', start: '2026-02-30', end: '2026-03-01', extra: 1 })
        .expect(400);
      expect(
        fieldErrors(bad.body)
          .map(({ path }) => path)
          .sort(),
      ).toEqual(['extra', 'start']);
    });

    it('refuses a period in year 0000, naming the field, instead of failing in the database', async () => {
      const response = await editorBrowser
        .post(url('periods'))
        .send({ name: 'Year zero', start: '0000-01-01', end: '2026-03-31' })
        .expect(400);
      expect(fieldErrors(response.body)).toEqual([
        { path: 'start', message: 'must be a calendar date from 0001-01-01 to 9999-12-31' },
      ]);
      const period = await createPeriod(testApp, workspace, {
        start: '2026-01-01',
        end: '2026-03-31',
      });
      const edit = await editorBrowser
        .patch(url(`periods/${period.id}`))
        .send({ start: '0000-12-31', version: 1 })
        .expect(400);
      expect(fieldErrors(edit.body).map(({ path }) => path)).toEqual(['start']);
    });
  });

  describe('objectives', () => {
    it('creates an objective owned by a member, and refuses owners, periods and parents from elsewhere', async () => {
      const period = await createPeriod(testApp, workspace, {
        start: '2024-01-01',
        end: '2024-03-31',
      });
      const created = objectiveSchema.parse(
        (
          await editorBrowser
            .post(url('objectives'))
            .send({ title: 'Grow podcast ads', ownerId: editor.id, periodId: period.id })
            .expect(201)
        ).body,
      );
      expect(created).toMatchObject({
        title: 'Grow podcast ads',
        description: '',
        ownerId: editor.id,
        owner: { id: editor.id, email: editor.email },
        parentId: null,
        status: 'active',
        progress: null,
        expectedProgress: 0.5,
        pace: null,
        score: null,
        version: 1,
      });

      const outsider = await createUser(testApp);
      const otherWorkspace = await createWorkspace(testApp, outsider);
      const foreignPeriod = await createPeriod(testApp, otherWorkspace, {
        start: '2024-01-01',
        end: '2024-03-31',
      });
      const foreignObjective = await createObjective(
        testApp,
        otherWorkspace,
        outsider,
        foreignPeriod,
      );
      for (const [body, path] of [
        [{ ownerId: outsider.id, periodId: period.id }, 'ownerId'],
        [{ ownerId: editor.id, periodId: foreignPeriod.id }, 'periodId'],
        [{ ownerId: editor.id, periodId: period.id, parentId: foreignObjective.id }, 'parentId'],
      ] as const) {
        const response = await editorBrowser
          .post(url('objectives'))
          .send({ title: 'x', ...body })
          .expect(400);
        expect(fieldErrors(response.body).map((error) => error.path)).toEqual([path]);
      }
    });

    it('builds an alignment tree and refuses every edit that would make a cycle', async () => {
      const period = await createPeriod(testApp, workspace, {
        start: '2024-01-01',
        end: '2024-12-31',
      });
      const root = await createObjective(testApp, workspace, editor, period);
      const child = objectiveSchema.parse(
        (
          await editorBrowser
            .post(url('objectives'))
            .send({ title: 'Child', ownerId: editor.id, periodId: period.id, parentId: root.id })
            .expect(201)
        ).body,
      );
      const grandchild = await createObjective(testApp, workspace, editor, period, {
        parentId: child.id,
      });
      for (const [id, parentId, version] of [
        [root.id, root.id, 1],
        [root.id, child.id, 1],
        [root.id, grandchild.id, 1],
        [child.id, grandchild.id, 1],
      ] as const) {
        const response = await editorBrowser
          .patch(url(`objectives/${id}`))
          .send({ parentId, version })
          .expect(400);
        expect(fieldErrors(response.body)[0]?.path).toBe('parentId');
      }
      // Moving a branch elsewhere, and detaching it, are fine.
      const other = await createObjective(testApp, workspace, editor, period);
      const moved = objectiveSchema.parse(
        (
          await editorBrowser
            .patch(url(`objectives/${child.id}`))
            .send({ parentId: other.id, version: 1 })
            .expect(200)
        ).body,
      );
      expect(moved).toMatchObject({ parentId: other.id, version: 2 });
      const detached = objectiveSchema.parse(
        (
          await editorBrowser
            .patch(url(`objectives/${child.id}`))
            .send({ parentId: null, version: 2 })
            .expect(200)
        ).body,
      );
      expect(detached.parentId).toBeNull();
      await editorBrowser
        .patch(url(`objectives/${child.id}`))
        .send({ title: 'stale', version: 2 })
        .expect(409);
    });

    it('filters by period, owner and status, and pages oldest first', async () => {
      const period = await createPeriod(testApp, workspace, {
        start: '2025-01-01',
        end: '2025-03-31',
      });
      const otherOwner = await createMember(testApp, workspace, 'viewer');
      const mine = [
        await createObjective(testApp, workspace, editor, period),
        await createObjective(testApp, workspace, editor, period, { status: 'closed' }),
        await createObjective(testApp, workspace, editor, period),
      ];
      const theirs = await createObjective(testApp, workspace, otherOwner, period);
      const byPeriod = objectivePageSchema.parse(
        (await editorBrowser.get(url(`objectives?period=${period.id}`)).expect(200)).body,
      );
      expect(byPeriod.items.map(({ id }) => id)).toEqual([...mine, theirs].map(({ id }) => id));
      const byOwner = objectivePageSchema.parse(
        (
          await editorBrowser
            .get(url(`objectives?period=${period.id}&owner=${otherOwner.id}`))
            .expect(200)
        ).body,
      );
      expect(byOwner.items.map(({ id }) => id)).toEqual([theirs.id]);
      const closed = objectivePageSchema.parse(
        (await editorBrowser.get(url(`objectives?period=${period.id}&status=closed`)).expect(200))
          .body,
      );
      expect(closed.items.map(({ id }) => id)).toEqual([mine[1]?.id]);

      const first = objectivePageSchema.parse(
        (await editorBrowser.get(url(`objectives?period=${period.id}&limit=3`)).expect(200)).body,
      );
      expect(first.nextCursor).not.toBeNull();
      const second = objectivePageSchema.parse(
        (
          await editorBrowser
            .get(url(`objectives?period=${period.id}&limit=3&cursor=${first.nextCursor}`))
            .expect(200)
        ).body,
      );
      expect(second.items.map(({ id }) => id)).toEqual([theirs.id]);
      expect(second.nextCursor).toBeNull();
      await editorBrowser.get(url('objectives?period=not-a-uuid')).expect(400);
      await editorBrowser.get(url('objectives?colour=red')).expect(400);
    });
  });

  describe('objective roll-up', () => {
    it('rolls a parent up from its aligned objectives instead of calling it not measured', async () => {
      const period = await createPeriod(testApp, workspace, {
        start: '2024-01-01',
        end: '2024-03-31',
      });
      const parent = await createObjective(testApp, workspace, editor, period, {
        title: 'Parent',
      });
      const child = (title: string) =>
        createObjective(testApp, workspace, editor, period, { title, parentId: parent.id });
      const [first, second, third] = [
        await child('First'),
        await child('Second'),
        await child('Third'),
      ];
      // Neither of these counts: one is cancelled, the other has nothing measured.
      const cancelled = await child('Cancelled');
      await child('Not measured');
      const grandchild = await createObjective(testApp, workspace, editor, period, {
        parentId: first.id,
      });
      const checkIn = async (
        objective: Objective,
        value: number,
        date: string,
        confidence: 'on-track' | 'at-risk' | 'off-track' = 'on-track',
      ) => {
        const keyResult = await createKeyResult(testApp, objective);
        await editorBrowser
          .post(url(`key-results/${keyResult.id}/check-ins`))
          .send({ value, confidence, date })
          .expect(201);
        return keyResult;
      };
      await checkIn(first, 80, '2024-02-14');
      await checkIn(grandchild, 20, '2024-02-14'); // first rolls up to (0.8 + 0.2) / 2 = 0.5
      await checkIn(second, 40, '2024-02-01', 'at-risk');
      await checkIn(third, 30, '2024-02-14', 'off-track');
      await checkIn(cancelled, 100, '2024-02-14');
      await editorBrowser
        .patch(url(`objectives/${cancelled.id}`))
        .send({ status: 'cancelled', version: 1 })
        .expect(200);

      // (0.5 + 0.4 + 0.3) / 3 = 0.4 against 0.5 expected: a gap of 0.1 is on track.
      const expected = {
        progress: expect.closeTo(0.4, 12),
        rolledUpFrom: { keyResults: 0, objectives: 3 },
        expectedProgress: 0.5,
        pace: 'on-track',
        score: 0.4,
      };
      const detail = objectiveSchema.parse(
        (await editorBrowser.get(url(`objectives/${parent.id}`)).expect(200)).body,
      );
      expect(detail).toMatchObject(expected);
      const list = objectivePageSchema.parse(
        (await editorBrowser.get(url(`objectives?period=${period.id}`)).expect(200)).body,
      );
      const byId = new Map(list.items.map((item) => [item.id, item]));
      expect(byId.get(parent.id)).toMatchObject(expected);
      expect(byId.get(first.id)).toMatchObject({
        progress: expect.closeTo(0.5, 12),
        rolledUpFrom: { keyResults: 1, objectives: 1 },
      });
      expect(byId.get(second.id)).toMatchObject({
        progress: expect.closeTo(0.4, 12),
        rolledUpFrom: { keyResults: 1, objectives: 0 },
      });
    });

    it('rolls a closed period up as of its last day, like its own numbers', async () => {
      const period = await createPeriod(testApp, workspace, {
        start: '2024-01-01',
        end: '2024-03-31',
      });
      const parent = await createObjective(testApp, workspace, editor, period);
      const child = await createObjective(testApp, workspace, editor, period, {
        parentId: parent.id,
      });
      const keyResult = await createKeyResult(testApp, child);
      clock.restore();
      clock = pinToday(testApp, '2024-05-01');
      for (const [value, date] of [
        [60, '2024-03-20'],
        [100, '2024-04-10'], // after the period: does not count
      ] as const) {
        await editorBrowser
          .post(url(`key-results/${keyResult.id}/check-ins`))
          .send({ value, confidence: 'on-track', date })
          .expect(201);
      }
      const read = objectiveSchema.parse(
        (await editorBrowser.get(url(`objectives/${parent.id}`)).expect(200)).body,
      );
      expect(read).toMatchObject({
        progress: expect.closeTo(0.6, 12),
        rolledUpFrom: { keyResults: 0, objectives: 1 },
        expectedProgress: 1,
        pace: 'off-track',
        score: 0.6,
      });
    });

    it('carries each key result row its last check-in confidence and date, and whether it is overdue', async () => {
      const period = await createPeriod(testApp, workspace, {
        start: '2024-01-01',
        end: '2024-03-31',
      });
      const objective = await createObjective(testApp, workspace, editor, period);
      const fresh = await createKeyResult(testApp, objective);
      const lapsed = await createKeyResult(testApp, objective);
      const check = (id: string, date: string, confidence: string) =>
        editorBrowser
          .post(url(`key-results/${id}/check-ins`))
          .send({ value: 10, confidence, date })
          .expect(201);
      await check(fresh.id, '2024-02-12', 'at-risk');
      // Weekly: due a week after 02-01, overdue two weeks after it — on 02-15, today.
      await check(lapsed.id, '2024-02-01', 'off-track');
      const page = keyResultPageSchema.parse(
        (await editorBrowser.get(url(`key-results?objective=${objective.id}`)).expect(200)).body,
      );
      const rows = page.items.map(({ id, lastCheckIn, checkInDue }) => ({
        id,
        confidence: lastCheckIn?.confidence,
        date: lastCheckIn?.date,
        checkInDue,
      }));
      expect(rows).toEqual([
        { id: fresh.id, confidence: 'at-risk', date: '2024-02-12', checkInDue: null },
        { id: lapsed.id, confidence: 'off-track', date: '2024-02-01', checkInDue: 'overdue' },
      ]);
    });
  });

  describe('access', () => {
    it('lets viewers read and refuses their writes with 403, storing nothing', async () => {
      const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
      const period = await createPeriod(testApp, workspace, {
        start: '2024-01-01',
        end: '2024-03-31',
      });
      const objective = await createObjective(testApp, workspace, editor, period);
      const keyResult = await createKeyResult(testApp, objective);
      await viewer.get(url('periods')).expect(200);
      await viewer.get(url(`objectives/${objective.id}`)).expect(200);
      await viewer.get(url(`key-results/${keyResult.id}`)).expect(200);
      await viewer.get(url(`key-results/${keyResult.id}/check-ins`)).expect(200);
      const before = await countRows(testApp);
      await viewer
        .post(url('periods'))
        .send({ name: 'x', start: '2024-01-01', end: '2024-01-02' })
        .expect(403);
      await viewer
        .post(url('objectives'))
        .send({ title: 'x', ownerId: editor.id, periodId: period.id })
        .expect(403);
      await viewer
        .patch(url(`objectives/${objective.id}`))
        .send({ title: 'x', version: 1 })
        .expect(403);
      await viewer
        .post(url(`key-results/${keyResult.id}/check-ins`))
        .send({ value: 1, confidence: 'on-track' })
        .expect(403);
      expect(await countRows(testApp)).toEqual(before);
    });

    it("answers 404 for another workspace's records, even under its own slug", async () => {
      const outsider = await createUser(testApp);
      const theirWorkspace = await createWorkspace(testApp, outsider);
      const theirs = await signIn(testApp, outsider);
      const period = await createPeriod(testApp, workspace, {
        start: '2024-01-01',
        end: '2024-03-31',
      });
      const objective = await createObjective(testApp, workspace, editor, period);
      const keyResult = await createKeyResult(testApp, objective);
      const theirUrl = (path: string) => `/api/workspaces/${theirWorkspace.slug}/${path}`;
      await theirs.get(theirUrl(`periods/${period.id}`)).expect(404);
      await theirs.get(theirUrl(`objectives/${objective.id}`)).expect(404);
      await theirs.get(theirUrl(`key-results/${keyResult.id}`)).expect(404);
      await theirs
        .post(theirUrl(`key-results/${keyResult.id}/check-ins`))
        .send({ value: 1, confidence: 'on-track' })
        .expect(404);
      await theirs.get(url(`objectives/${objective.id}`)).expect(404);
      // And a key result of theirs cannot be hung on our objective.
      const response = await theirs
        .post(theirUrl('key-results'))
        .send({ objectiveId: objective.id, title: 'x', kind: 'milestone' })
        .expect(400);
      expect(fieldErrors(response.body)[0]?.path).toBe('objectiveId');
    });
  });
});
