import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  auditEventPageSchema,
  memberPageSchema,
  programPageSchema,
  programSchema,
  problemSchema,
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
import { countProgramRows, programsPath } from './support/program-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { createTeam } from './support/delivery-factories.js';
import {
  createGuardrail,
  createMetric,
  createObjective,
  createPeriod,
} from './support/okr-factories.js';

describe('programs', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let workspace: TestWorkspace;
  let editor: Browser;
  const programs = () => programsPath(workspace);
  const newProgram = (overrides: object = {}) => ({
    name: 'Podcast ads expansion',
    ownerId: admin.id,
    start: '2026-01-05',
    end: '2026-06-26',
    ...overrides,
  });
  /** An objective of the workspace, as the OKR feature stores it. */
  const objectiveIn = async (inWorkspace: TestWorkspace) => {
    const period = await createPeriod(testApp, inWorkspace, {
      start: '2026-01-01',
      end: '2026-03-31',
    });
    return (await createObjective(testApp, inWorkspace, admin, period)).id;
  };

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await createUser(testApp, { displayName: 'Ada Admin' });
    workspace = await createWorkspace(testApp, admin);
    editor = await signIn(testApp, await createMember(testApp, workspace, 'editor'));
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });
  afterAll(async () => {
    await testApp.close();
  });

  async function create(overrides: object = {}) {
    const response = await editor.post(programs()).send(newProgram(overrides)).expect(201);
    return programSchema.parse(response.body);
  }

  async function expectInvalid(body: object, path: string, write = () => editor.post(programs())) {
    const before = await countProgramRows(testApp);
    const response = await write().send(body).expect(400);
    expect(problemSchema.parse(response.body).errors?.map((error) => error.path)).toContain(path);
    expect(await countProgramRows(testApp)).toEqual(before);
  }

  it('creates a program, reads it back and lists it, to viewers too', async () => {
    const program = await create({ description: 'Ads in podcasts.' });
    expect(program).toMatchObject({
      name: 'Podcast ads expansion',
      description: 'Ads in podcasts.',
      ownerId: admin.id,
      ownerName: 'Ada Admin',
      start: '2026-01-05',
      end: '2026-06-26',
      teamIds: [],
      objectiveIds: [],
      guardrailIds: [],
      health: 'on-track',
      healthReason: null,
      version: 1,
    });
    const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
    const read = programSchema.parse(
      (await viewer.get(`${programs()}/${program.id}`).expect(200)).body,
    );
    expect(read).toEqual(program);
    const page = programPageSchema.parse((await viewer.get(programs()).expect(200)).body);
    expect(page.items.map(({ id }) => id)).toContain(program.id);
  });

  it('records the creation in the audit log', async () => {
    const program = await create({ name: 'Audited program' });
    const events = auditEventPageSchema.parse(
      (
        await (
          await signIn(testApp, admin)
        )
          .get(`/api/workspaces/${workspace.slug}/audit-events`)
          .expect(200)
      ).body,
    );
    expect(events.items).toContainEqual(
      expect.objectContaining({
        action: 'program.created',
        targetId: program.id,
        details: { name: 'Audited program', health: 'on-track' },
      }),
    );
  });

  it('pages through programs oldest first', async () => {
    const other = await createWorkspace(testApp, admin);
    const ids: string[] = [];
    for (const name of ['One', 'Two', 'Three']) {
      const response = await (
        await signIn(testApp, admin)
      )
        .post(programsPath(other))
        .send(newProgram({ name }))
        .expect(201);
      ids.push(programSchema.parse(response.body).id);
    }
    const adminBrowser = await signIn(testApp, admin);
    const first = programPageSchema.parse(
      (await adminBrowser.get(`${programsPath(other)}?limit=2`).expect(200)).body,
    );
    expect(first.items.map(({ id }) => id)).toEqual(ids.slice(0, 2));
    const second = programPageSchema.parse(
      (
        await adminBrowser
          .get(`${programsPath(other)}?limit=2&cursor=${first.nextCursor ?? ''}`)
          .expect(200)
      ).body,
    );
    expect(second).toEqual({ items: [expect.objectContaining({ id: ids[2] })], nextCursor: null });
  });

  describe('links to teams, objectives and guardrails', () => {
    it('keeps the ids of records of this workspace', async () => {
      // Real rows: the link tables have foreign keys to them.
      const team = await createTeam(testApp, workspace);
      const objective = { id: await objectiveIn(workspace) };
      const guardrail = await createGuardrail(testApp, await createMetric(testApp, workspace));
      const program = await create({
        teamIds: [team?.id],
        objectiveIds: [objective?.id],
        guardrailIds: [guardrail?.id],
      });
      expect(program).toMatchObject({
        teamIds: [team?.id],
        objectiveIds: [objective?.id],
        guardrailIds: [guardrail?.id],
      });
      const updated = programSchema.parse(
        (
          await editor
            .patch(`${programs()}/${program.id}`)
            .send({ teamIds: [], version: program.version })
            .expect(200)
        ).body,
      );
      expect(updated).toMatchObject({ teamIds: [], objectiveIds: [objective?.id], version: 2 });
    });

    it('refuses, naming the entry, an id that is a record of another workspace', async () => {
      const elsewhere = await createWorkspace(testApp, admin);
      const foreignTeam = await createTeam(testApp, elsewhere, { name: 'Not ours' });
      const before = await countProgramRows(testApp);
      const response = await editor
        .post(programs())
        .send(newProgram({ teamIds: [foreignTeam.id] }))
        .expect(400);
      expect(problemSchema.parse(response.body).errors).toEqual([
        { path: 'teamIds.0', message: 'is not a team of this workspace' },
      ]);
      expect(await countProgramRows(testApp)).toEqual(before);
    });

    it('checks objectives through the OKR feature, by workspace', async () => {
      const ours = await objectiveIn(workspace);
      const elsewhere = await createWorkspace(testApp, admin);
      const theirs = await objectiveIn(elsewhere);
      const program = await create({ objectiveIds: [ours] });
      expect(program.objectiveIds).toEqual([ours]);
      await expectInvalid(newProgram({ objectiveIds: [ours, theirs] }), 'objectiveIds.1');
    });
  });

  describe('refuses bad input with a 400 naming the field, writing nothing', () => {
    it.each([
      [{ end: '2026-01-04' }, 'end'],
      [{ health: 'at-risk' }, 'healthReason'],
      [{ start: '2026-02-30' }, 'start'],
      [{ name: '  ' }, 'name'],
      [{ teamIds: ['not-a-uuid'] }, 'teamIds.0'],
      [{ sponsor: 'someone' }, 'sponsor'],
    ])('%j → %s', async (overrides, path) => {
      await expectInvalid(newProgram(overrides), path);
    });

    it('an owner who is not a member', async () => {
      const outsider = await createUser(testApp);
      await expectInvalid(newProgram({ ownerId: outsider.id }), 'ownerId');
    });

    it('an owner who cannot write its reports: a viewer, a disabled account', async () => {
      const viewer = await createMember(testApp, workspace, 'viewer');
      await expectInvalid(newProgram({ ownerId: viewer.id }), 'ownerId');
      const response = await editor
        .post(programs())
        .send(newProgram({ ownerId: viewer.id }))
        .expect(400);
      expect(problemSchema.parse(response.body).errors).toEqual([
        { path: 'ownerId', message: expect.stringContaining('must be an editor or admin') },
      ]);
      const disabled = await createMember(testApp, workspace, 'editor');
      await testApp.dataSource.query(`UPDATE "user" SET "disabled_at" = now() WHERE "id" = $1`, [
        disabled.id,
      ]);
      await expectInvalid(newProgram({ ownerId: disabled.id }), 'ownerId');
      // The members list, where the owner picker finds its candidates, says which accounts are
      // deactivated, so the picker offers only those the API accepts.
      const members = memberPageSchema.parse(
        (await editor.get(`/api/workspaces/${workspace.slug}/members`).expect(200)).body,
      ).items;
      const activeOf = (userId: string) =>
        members.find((member) => member.userId === userId)?.active;
      expect([activeOf(disabled.id), activeOf(viewer.id), activeOf(admin.id)]).toEqual([
        false,
        true,
        true,
      ]);

      // Nor can an edit hand the program to a viewer; an editor may own it.
      const program = await create();
      const path = `${programs()}/${program.id}`;
      await expectInvalid({ ownerId: viewer.id, version: 1 }, 'ownerId', () => editor.patch(path));
      const tpm = await createMember(testApp, workspace, 'editor');
      const handed = await editor.patch(path).send({ ownerId: tpm.id, version: 1 }).expect(200);
      expect(programSchema.parse(handed.body).ownerId).toBe(tpm.id);
    });
  });

  describe('editing', () => {
    it('needs a reason for a health other than on-track, and drops the old reason on a change', async () => {
      const program = await create();
      const path = `${programs()}/${program.id}`;
      await expectInvalid({ health: 'off-track', version: 1 }, 'healthReason', () =>
        editor.patch(path),
      );
      const atRisk = programSchema.parse(
        (
          await editor
            .patch(path)
            .send({ health: 'at-risk', healthReason: 'Vendor contract late', version: 1 })
            .expect(200)
        ).body,
      );
      expect(atRisk).toMatchObject({ health: 'at-risk', healthReason: 'Vendor contract late' });
      const back = programSchema.parse(
        (await editor.patch(path).send({ health: 'on-track', version: 2 }).expect(200)).body,
      );
      expect(back).toMatchObject({ health: 'on-track', healthReason: null, version: 3 });
    });

    it('judges rules on the merged record and refuses a stale version with 409', async () => {
      const program = await create();
      const path = `${programs()}/${program.id}`;
      await expectInvalid({ start: '2026-07-01', version: 1 }, 'end', () => editor.patch(path));
      await editor.patch(path).send({ name: 'Renamed', version: 1 }).expect(200);
      const stale = await editor.patch(path).send({ name: 'Again', version: 1 }).expect(409);
      expect(problemSchema.parse(stale.body).type).toMatch(/stale-version$/);
    });
  });

  it('refuses writes to viewers with 403', async () => {
    const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
    const program = await create();
    await viewer.post(programs()).send(newProgram()).expect(403);
    await viewer.patch(`${programs()}/${program.id}`).send({ name: 'x', version: 1 }).expect(403);
  });

  it("answers 404 for another workspace's program, even under the caller's own slug", async () => {
    const program = await create();
    const intruder = await createUser(testApp);
    const theirs = await createWorkspace(testApp, intruder);
    const intruderBrowser = await signIn(testApp, intruder);
    await intruderBrowser.get(`${programs()}/${program.id}`).expect(404);
    await intruderBrowser.get(`${programsPath(theirs)}/${program.id}`).expect(404);
    await intruderBrowser
      .patch(`${programsPath(theirs)}/${program.id}`)
      .send({ name: 'Mine now', version: 1 })
      .expect(404);
  });
});
