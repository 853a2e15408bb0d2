import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { problemSchema, raidItemDetailSchema, raidItemPageSchema } from '@bearing/contracts';
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

describe('RAID log', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let workspace: TestWorkspace;
  let program: TestProgram;
  let editorUser: TestUser;
  let editor: Browser;
  const raid = () => `${programPath(workspace, program)}/raid`;
  const newRisk = (overrides: object = {}) => ({
    kind: 'risk',
    title: 'Ad server cannot take podcast load',
    probability: 3,
    impact: 4,
    ...overrides,
  });

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    program = await insertProgram(testApp, workspace, admin);
    editorUser = await createMember(testApp, workspace, 'editor');
    editor = await signIn(testApp, editorUser);
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });
  afterAll(async () => {
    await testApp.close();
  });

  async function create(overrides: object = {}) {
    const response = await editor.post(raid()).send(newRisk(overrides)).expect(201);
    return raidItemDetailSchema.parse(response.body);
  }

  it('scores an item probability × impact and starts its history', async () => {
    const item = await create({ ownerId: editorUser.id, dueDate: '2026-04-01' });
    expect(item).toMatchObject({
      kind: 'risk',
      probability: 3,
      impact: 4,
      score: 12,
      status: 'open',
      ownerId: editorUser.id,
      ownerName: editorUser.displayName,
      mitigation: '',
      dueDate: '2026-04-01',
    });
    expect(item.history).toEqual([
      expect.objectContaining({
        action: 'created',
        author: { id: editorUser.id, displayName: editorUser.displayName },
        changes: expect.objectContaining({
          probability: { from: null, to: 3 },
          impact: { from: null, to: 4 },
          status: { from: null, to: 'open' },
        }),
      }),
    ]);
  });

  describe('refuses bad input with a 400 naming the field, writing nothing', () => {
    it.each([
      [{ probability: 0 }, 'probability'],
      [{ probability: 6 }, 'probability'],
      [{ probability: 2.5 }, 'probability'],
      [{ impact: undefined }, 'impact'],
      [{ impact: 9 }, 'impact'],
      [{ kind: 'rumour' }, 'kind'],
      [{ status: 'closed' }, 'status'],
    ])('%j → %s', async (overrides, path) => {
      const before = await countProgramRows(testApp);
      const response = await editor.post(raid()).send(newRisk(overrides)).expect(400);
      expect(problemSchema.parse(response.body).errors).toEqual([
        { path, message: expect.any(String) },
      ]);
      expect(await countProgramRows(testApp)).toEqual(before);
    });

    it('an owner who is not a member', async () => {
      const outsider = await createUser(testApp);
      const response = await editor
        .post(raid())
        .send(newRisk({ ownerId: outsider.id }))
        .expect(400);
      expect(problemSchema.parse(response.body).errors?.[0]?.path).toBe('ownerId');
    });

    it('a probability outside 1–5 on an edit', async () => {
      const item = await create();
      const response = await editor
        .patch(`${raid()}/${item.id}`)
        .send({ probability: 7, version: 1 })
        .expect(400);
      expect(problemSchema.parse(response.body).errors?.[0]).toEqual({
        path: 'probability',
        message: 'must be a whole number from 1 to 5',
      });
    });
  });

  it('keeps what each edit changed, and a ROAM status', async () => {
    const item = await create();
    const path = `${raid()}/${item.id}`;
    const mitigated = raidItemDetailSchema.parse(
      (
        await editor
          .patch(path)
          .send({ impact: 5, status: 'mitigated', mitigation: 'Second region', version: 1 })
          .expect(200)
      ).body,
    );
    expect(mitigated).toMatchObject({ score: 15, status: 'mitigated', version: 2 });
    expect(mitigated.history.at(-1)).toMatchObject({
      action: 'updated',
      changes: {
        impact: { from: 4, to: 5 },
        status: { from: 'open', to: 'mitigated' },
        mitigation: { from: '', to: 'Second region' },
      },
    });
    const unchanged = raidItemDetailSchema.parse(
      (await editor.patch(path).send({ impact: 5, version: 2 }).expect(200)).body,
    );
    expect(unchanged.version).toBe(2);
    expect(unchanged.history).toHaveLength(2);
    await editor.patch(path).send({ impact: 1, version: 1 }).expect(409);
  });

  it('keeps edits made in the same instant in the order they were made', async () => {
    pinClock(testApp, '2026-03-11T10:00:00Z');
    const item = await create();
    const path = `${raid()}/${item.id}`;
    for (const [probability, version] of [
      [4, 1],
      [5, 2],
      [1, 3],
    ]) {
      await editor.patch(path).send({ probability, version }).expect(200);
    }
    const { history } = raidItemDetailSchema.parse((await editor.get(path).expect(200)).body);
    expect(history.map(({ changes }) => changes.probability)).toEqual([
      { from: null, to: 3 },
      { from: 3, to: 4 },
      { from: 4, to: 5 },
      { from: 5, to: 1 },
    ]);
    expect(history.map(({ changedAt }) => changedAt)).toEqual([
      '2026-03-11T10:00:00.000Z',
      '2026-03-11T10:00:00.001Z',
      '2026-03-11T10:00:00.002Z',
      '2026-03-11T10:00:00.003Z',
    ]);
  });

  it('lists by kind and status', async () => {
    const own = await insertProgram(testApp, workspace, admin);
    const path = `${programPath(workspace, own)}/raid`;
    await editor
      .post(path)
      .send(newRisk({ title: 'Open risk' }))
      .expect(201);
    await editor
      .post(path)
      .send(newRisk({ kind: 'issue', title: 'An issue', status: 'owned' }))
      .expect(201);
    const issues = raidItemPageSchema.parse(
      (await editor.get(`${path}?kind=issue`).expect(200)).body,
    );
    expect(issues.items.map(({ title }) => title)).toEqual(['An issue']);
    const open = raidItemPageSchema.parse(
      (await editor.get(`${path}?status=open`).expect(200)).body,
    );
    expect(open.items.map(({ title }) => title)).toEqual(['Open risk']);
  });

  it('refuses writes to viewers with 403, and answers 404 across workspaces', async () => {
    const item = await create();
    const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
    await viewer.post(raid()).send(newRisk()).expect(403);
    await viewer.patch(`${raid()}/${item.id}`).send({ impact: 1, version: 1 }).expect(403);
    const intruder = await createUser(testApp);
    const theirs = await createWorkspace(testApp, intruder);
    const intruderBrowser = await signIn(testApp, intruder);
    await intruderBrowser.get(`${programPath(theirs, program)}/raid/${item.id}`).expect(404);
    await intruderBrowser
      .patch(`${programPath(theirs, program)}/raid/${item.id}`)
      .send({ impact: 1, version: 1 })
      .expect(404);
  });
});
