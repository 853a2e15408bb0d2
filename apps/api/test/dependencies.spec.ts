import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  programDependencyPageSchema,
  programDependencySchema,
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
import {
  insertProgram,
  pinClock,
  programPath,
  type TestProgram,
} from './support/program-factories.js';
import { createTeam } from './support/delivery-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('dependencies', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let workspace: TestWorkspace;
  let program: TestProgram;
  let catalog: TestProgram;
  let editor: Browser;
  const dependencies = () => `${programPath(workspace, program)}/dependencies`;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await createUser(testApp);
    workspace = await createWorkspace(testApp, admin);
    program = await insertProgram(testApp, workspace, admin, { name: 'Podcast ads' });
    catalog = await insertProgram(testApp, workspace, admin, { name: 'Catalog rebuild' });
    editor = await signIn(testApp, await createMember(testApp, workspace, 'editor'));
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('flags a dependency overdue once its need-by date has passed, by the clock', async () => {
    const clock = pinClock(testApp, '2026-03-31T12:00:00Z');
    const created = programDependencySchema.parse(
      (
        await editor
          .post(dependencies())
          .send({
            from: { kind: 'program', id: program.id },
            to: { kind: 'program', id: catalog.id },
            description: 'Episode metadata feed',
            needBy: '2026-04-01',
          })
          .expect(201)
      ).body,
    );
    expect(created).toMatchObject({
      from: { kind: 'program', id: program.id, name: 'Podcast ads' },
      to: { kind: 'program', id: catalog.id, name: 'Catalog rebuild' },
      status: 'open',
      overdue: false,
    });
    clock.set('2026-04-02T00:00:00Z');
    const page = programDependencyPageSchema.parse(
      (await editor.get(dependencies()).expect(200)).body,
    );
    expect(page.items).toContainEqual(expect.objectContaining({ id: created.id, overdue: true }));
    const delivered = programDependencySchema.parse(
      (
        await editor
          .patch(`${dependencies()}/${created.id}`)
          .send({ status: 'delivered', version: 1 })
          .expect(200)
      ).body,
    );
    expect(delivered).toMatchObject({ status: 'delivered', overdue: false, version: 2 });
  });

  it('names teams through LinkedRecords and refuses a team of another workspace', async () => {
    const elsewhere = await createWorkspace(testApp, admin);
    const adsTeam = await createTeam(testApp, workspace, { name: 'Ads Platform' });
    const foreignTeam = await createTeam(testApp, elsewhere, { name: 'Not ours' });
    const body = (team: string | undefined) => ({
      from: { kind: 'team', id: team },
      to: { kind: 'program', id: catalog.id },
      description: 'Ad slots in the feed',
      needBy: '2026-05-01',
    });
    const created = programDependencySchema.parse(
      (await editor.post(dependencies()).send(body(adsTeam.id)).expect(201)).body,
    );
    expect(created.from).toEqual({ kind: 'team', id: adsTeam.id, name: 'Ads Platform' });
    const refused = await editor.post(dependencies()).send(body(foreignTeam.id)).expect(400);
    expect(problemSchema.parse(refused.body).errors).toEqual([
      { path: 'from.id', message: 'is not a team of this workspace' },
    ]);
  });

  it('refuses a dependency on itself, a program of another workspace and a bad need-by date', async () => {
    const self = { kind: 'program', id: program.id };
    const cases: [object, string][] = [
      [{ from: self, to: self, description: 'x', needBy: '2026-05-01' }, 'to'],
      [
        {
          from: self,
          to: {
            kind: 'program',
            id: (await insertProgram(testApp, await createWorkspace(testApp, admin), admin)).id,
          },
          description: 'x',
          needBy: '2026-05-01',
        },
        'to.id',
      ],
      [
        {
          from: self,
          to: { kind: 'program', id: catalog.id },
          description: 'x',
          needBy: '2026-13-01',
        },
        'needBy',
      ],
    ];
    for (const [body, path] of cases) {
      const response = await editor.post(dependencies()).send(body).expect(400);
      expect(problemSchema.parse(response.body).errors?.[0]?.path).toBe(path);
    }
  });
});
