import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  milestonePageSchema,
  milestoneSchema,
  problemSchema,
  statusReportSchema,
} from '@bearing/contracts';
import {
  type Browser,
  createMember,
  createUser,
  createWorkspace,
  signIn,
  type TestUser,
  type TestWorkspace,
} from './support/factories.js';
import {
  countProgramRows,
  insertProgram,
  pinClock,
  programPath,
  type TestProgram,
} from './support/program-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('milestones', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let workspace: TestWorkspace;
  let program: TestProgram;
  let editorUser: TestUser;
  let editor: Browser;
  const milestones = () => `${programPath(workspace, program)}/milestones`;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    program = await insertProgram(testApp, workspace, admin);
    editorUser = await createMember(testApp, workspace, 'editor');
    editor = await signIn(testApp, editorUser);
    pinClock(testApp, '2026-03-11T10:00:00Z');
  });
  afterAll(async () => {
    await testApp.close();
  });

  async function create(body: object = {}) {
    const response = await editor
      .post(milestones())
      .send({ name: 'Beta in two markets', baselineDate: '2026-03-02', ...body })
      .expect(201);
    return milestoneSchema.parse(response.body);
  }

  async function expectInvalid(write: () => ReturnType<Browser['post']>, path: string) {
    const before = await countProgramRows(testApp);
    const response = await write().expect(400);
    expect(problemSchema.parse(response.body).errors?.map((error) => error.path)).toEqual([path]);
    expect(await countProgramRows(testApp)).toEqual(before);
  }

  it('starts a milestone on its baseline date', async () => {
    const milestone = await create({ baselineDate: '2026-03-16' });
    expect(milestone).toMatchObject({
      programId: program.id,
      baselineDate: '2026-03-16',
      currentDate: '2026-03-16',
      completedAt: null,
      slipDays: 0,
      overdue: false,
      history: [],
      version: 1,
    });
  });

  it('counts an open milestone whose date has passed as late up to today, moved or not', async () => {
    // Today is pinned to 2026-03-11: due Jan 26, never moved, still open — 44 days late.
    const milestone = await create({ baselineDate: '2026-01-26' });
    expect(milestone).toMatchObject({ slipDays: 44, overdue: true });
    const read = milestoneSchema.parse(
      (await editor.get(`${milestones()}/${milestone.id}`).expect(200)).body,
    );
    expect(read).toMatchObject({ currentDate: '2026-01-26', slipDays: 44, overdue: true });
    const listed = milestonePageSchema.parse(
      (await editor.get(`${milestones()}?limit=200`).expect(200)).body,
    );
    expect(listed.items.find(({ id }) => id === milestone.id)).toMatchObject({
      slipDays: 44,
      overdue: true,
    });
    // Due today is not late yet.
    expect(await create({ baselineDate: '2026-03-11' })).toMatchObject({
      slipDays: 0,
      overdue: false,
    });
  });

  it('wants a baseline date, and no other current date on creation', async () => {
    await expectInvalid(
      () => editor.post(milestones()).send({ name: 'No baseline' }),
      'baselineDate',
    );
    await expectInvalid(
      () =>
        editor
          .post(milestones())
          .send({ name: 'x', baselineDate: '2026-03-02', currentDate: '2026-03-09' }),
      'currentDate',
    );
  });

  it('refuses a date outside years 0001–9999, naming the field', async () => {
    const before = await countProgramRows(testApp);
    const response = await editor
      .post(milestones())
      .send({ name: 'Year zero', baselineDate: '0000-03-02' })
      .expect(400);
    expect(problemSchema.parse(response.body).errors).toEqual([
      { path: 'baselineDate', message: 'must be a calendar date from 0001-01-01 to 9999-12-31' },
    ]);
    expect(await countProgramRows(testApp)).toEqual(before);
  });

  it('keeps every move of the current date with its reason and author; the baseline stays', async () => {
    const milestone = await create();
    const path = `${milestones()}/${milestone.id}`;
    await expectInvalid(
      () => editor.patch(path).send({ currentDate: '2026-03-16', version: 1 }),
      'reason',
    );
    await editor
      .patch(path)
      .send({ currentDate: '2026-03-16', reason: 'Vendor SDK late', version: 1 })
      .expect(200);
    const moved = milestoneSchema.parse(
      (
        await editor
          .patch(path)
          .send({ currentDate: '2026-03-23', reason: 'Load test failed', version: 2 })
          .expect(200)
      ).body,
    );
    expect(moved).toMatchObject({
      baselineDate: '2026-03-02',
      currentDate: '2026-03-23',
      slipDays: 21,
      version: 3,
    });
    expect(moved.history).toEqual([
      expect.objectContaining({
        fromDate: '2026-03-02',
        toDate: '2026-03-16',
        reason: 'Vendor SDK late',
        author: { id: editorUser.id, displayName: editorUser.displayName },
        changedAt: '2026-03-11T10:00:00.000Z',
      }),
      // Same pinned instant: recorded a millisecond later, so the history keeps its order.
      expect.objectContaining({
        fromDate: '2026-03-16',
        toDate: '2026-03-23',
        changedAt: '2026-03-11T10:00:00.001Z',
      }),
    ]);
    const read = milestoneSchema.parse((await editor.get(path).expect(200)).body);
    expect(read).toEqual(moved);
  });

  it('refuses to rewrite the baseline — through the API (400) and in the database', async () => {
    const milestone = await create();
    await expectInvalid(
      () =>
        editor
          .patch(`${milestones()}/${milestone.id}`)
          .send({ baselineDate: '2026-04-01', version: 1 }),
      'baselineDate',
    );
    await expect(
      testApp.dataSource.query(`UPDATE milestone SET baseline_date = '2026-04-01' WHERE id = $1`, [
        milestone.id,
      ]),
    ).rejects.toThrow(/never rewritten/);
  });

  it('completes a milestone and measures its slip to the completion day', async () => {
    const milestone = await create();
    const completed = milestoneSchema.parse(
      (
        await editor
          .patch(`${milestones()}/${milestone.id}`)
          .send({ completedAt: '2026-03-05', version: 1 })
          .expect(200)
      ).body,
    );
    expect(completed).toMatchObject({ completedAt: '2026-03-05', slipDays: 3, history: [] });
  });

  it('refuses a completion day that has not begun anywhere yet, naming completedAt', async () => {
    // 10:00 UTC on Mar 11: already Mar 12 at UTC+14, where days begin first; Mar 13 nowhere.
    const milestone = await create();
    const path = `${milestones()}/${milestone.id}`;
    await expectInvalid(
      () => editor.patch(path).send({ completedAt: '2026-03-13', version: 1 }),
      'completedAt',
    );
    await expectInvalid(
      () =>
        editor
          .post(milestones())
          .send({ name: 'x', baselineDate: '2026-03-02', completedAt: '2027-06-01' }),
      'completedAt',
    );
    const response = await editor.patch(path).send({ completedAt: '2026-03-13', version: 1 });
    expect(problemSchema.parse(response.body).errors?.[0]?.message).toMatch(/in the future/);
    // Someone whose own today is already Mar 12 may say so.
    const completed = milestoneSchema.parse(
      (await editor.patch(path).send({ completedAt: '2026-03-12', version: 1 }).expect(200)).body,
    );
    expect(completed.completedAt).toBe('2026-03-12');
  });

  it('deletes a milestone added by mistake with its moves: gone from the list and the next draft, kept in the audit log', async () => {
    const own = await insertProgram(testApp, workspace, admin);
    const path = `${programPath(workspace, own)}/milestones`;
    const kept = milestoneSchema.parse(
      (await editor.post(path).send({ name: 'Beta', baselineDate: '2026-03-02' }).expect(201)).body,
    );
    const mistake = milestoneSchema.parse(
      (await editor.post(path).send({ name: 'Beta twice', baselineDate: '2026-03-02' }).expect(201))
        .body,
    );
    await editor
      .patch(`${path}/${mistake.id}`)
      .send({ currentDate: '2026-03-30', reason: 'Entered twice', version: 1 })
      .expect(200);

    const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
    await viewer.delete(`${path}/${mistake.id}`).expect(403);
    await editor.delete(`${path}/${mistake.id}`).expect(204);

    await editor.get(`${path}/${mistake.id}`).expect(404);
    await editor.delete(`${path}/${mistake.id}`).expect(404);
    const list = milestonePageSchema.parse((await editor.get(path).expect(200)).body);
    expect(list.items.map(({ id }) => id)).toEqual([kept.id]);
    const [moves] = await testApp.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM milestone_date_change WHERE milestone_id = $1`,
      [mistake.id],
    );
    expect(moves?.count).toBe(0);
    const [event] = await testApp.dataSource.query<
      { target_label: string; details: { programId: string; name: string; moves: number } }[]
    >(
      `SELECT target_label, details FROM audit_event
        WHERE action = 'milestone.deleted' AND target_id = $1`,
      [mistake.id],
    );
    expect(event?.target_label).toBe('Milestone · Beta twice');
    expect(event?.details).toMatchObject({ programId: own.id, name: 'Beta twice', moves: 1 });

    const draft = statusReportSchema.parse(
      (
        await editor
          .post(`${programPath(workspace, own)}/reports`)
          .send({ week: '2026-03-09' })
          .expect(201)
      ).body,
    );
    const section = draft.snapshot.sections.milestones;
    expect(section.status === 'available' && section.items.map(({ name }) => name)).toEqual([
      'Beta',
    ]);
  });

  it('refuses a stale version with 409', async () => {
    const milestone = await create();
    const path = `${milestones()}/${milestone.id}`;
    await editor.patch(path).send({ name: 'Renamed', version: 1 }).expect(200);
    const response = await editor.patch(path).send({ name: 'Again', version: 1 }).expect(409);
    expect(problemSchema.parse(response.body).type).toMatch(/stale-version$/);
  });

  it('lists by baseline date, page by page', async () => {
    const own = await insertProgram(testApp, workspace, admin);
    const path = `${programPath(workspace, own)}/milestones`;
    for (const baselineDate of ['2026-05-04', '2026-02-02', '2026-03-30']) {
      await editor.post(path).send({ name: baselineDate, baselineDate }).expect(201);
    }
    const first = milestonePageSchema.parse((await editor.get(`${path}?limit=2`).expect(200)).body);
    expect(first.items.map(({ baselineDate }) => baselineDate)).toEqual([
      '2026-02-02',
      '2026-03-30',
    ]);
    const rest = milestonePageSchema.parse(
      (await editor.get(`${path}?limit=2&cursor=${first.nextCursor ?? ''}`).expect(200)).body,
    );
    expect(rest.items.map(({ baselineDate }) => baselineDate)).toEqual(['2026-05-04']);
    expect(rest.nextCursor).toBeNull();
  });

  it('refuses writes to viewers with 403', async () => {
    const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
    await viewer.get(milestones()).expect(200);
    await viewer.post(milestones()).send({ name: 'x', baselineDate: '2026-03-02' }).expect(403);
  });

  it("answers 404 for another workspace's program and milestones", async () => {
    const milestone = await create();
    const intruder = await createUser(testApp);
    const theirs = await createWorkspace(testApp, intruder);
    const intruderBrowser = await signIn(testApp, intruder);
    const underTheirSlug = `${programPath(theirs, program)}/milestones`;
    await intruderBrowser.get(underTheirSlug).expect(404);
    await intruderBrowser
      .post(underTheirSlug)
      .send({ name: 'x', baselineDate: '2026-03-02' })
      .expect(404);
    await intruderBrowser
      .patch(`${underTheirSlug}/${milestone.id}`)
      .send({ currentDate: '2027-01-01', reason: 'mine', version: 1 })
      .expect(404);
    await intruderBrowser.delete(`${underTheirSlug}/${milestone.id}`).expect(404);
    await editor.get(`${milestones()}/${milestone.id}`).expect(200);
    // A program of their own does not open someone else's milestone either.
    const theirProgram = await insertProgram(testApp, theirs, intruder);
    await intruderBrowser
      .get(`${programPath(theirs, theirProgram)}/milestones/${milestone.id}`)
      .expect(404);
  });
});
