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
  it('refuses to delete a team an open dependency names (409 naming it), and deletes it once the dependency is closed', async () => {
    const adminBrowser = await signIn(testApp, admin);
    const payments = await createTeam(testApp, workspace, { name: 'Payments' });
    const teamPath = `/api/workspaces/${workspace.slug}/teams/${payments.slug}`;
    const created = programDependencySchema.parse(
      (
        await editor
          .post(dependencies())
          .send({
            from: { kind: 'program', id: program.id },
            to: { kind: 'team', id: payments.id },
            description: 'Ads SDK payouts',
            needBy: '2026-11-01',
          })
          .expect(201)
      ).body,
    );

    const refused = await adminBrowser.delete(teamPath).expect(409);
    const problem = problemSchema.parse(refused.body);
    expect(problem.type).toMatch(/team-has-dependencies$/);
    expect(problem.detail).toContain('Podcast ads: "Ads SDK payouts" (by 2026-11-01)');
    await adminBrowser.get(teamPath).expect(200);

    // Delivered or cancelled, it no longer holds the team; it keeps naming the deleted team, and
    // stays editable without picking another party.
    await editor
      .patch(`${dependencies()}/${created.id}`)
      .send({ status: 'cancelled', version: created.version })
      .expect(200);
    await adminBrowser.delete(teamPath).expect(204);
    const edited = programDependencySchema.parse(
      (
        await editor
          .patch(`${dependencies()}/${created.id}`)
          .send({
            from: { kind: 'program', id: program.id },
            to: { kind: 'team', id: payments.id },
            description: 'Ads SDK payouts (team retired)',
            version: created.version + 1,
          })
          .expect(200)
      ).body,
    );
    expect(edited).toMatchObject({
      to: { kind: 'team', id: payments.id, name: null },
      description: 'Ads SDK payouts (team retired)',
      status: 'cancelled',
    });
  });

  it('lets a dependency whose team is gone be cancelled as it is, checking only a party that changes', async () => {
    pinClock(testApp, '2026-11-10T12:00:00Z');
    const ads = await createTeam(testApp, workspace, { name: 'Ads' });
    const created = programDependencySchema.parse(
      (
        await editor
          .post(dependencies())
          .send({
            from: { kind: 'team', id: ads.id },
            to: { kind: 'program', id: catalog.id },
            description: 'Ad slots in search',
            needBy: '2026-11-01',
          })
          .expect(201)
      ).body,
    );
    // Gone as teams went before deletion looked at dependencies: the dependency is overdue,
    // owed to a team that no longer exists.
    await testApp.dataSource.query(`DELETE FROM "team" WHERE "id" = $1`, [ads.id]);
    const path = `${dependencies()}/${created.id}`;
    const unchanged = {
      from: { kind: 'team', id: ads.id },
      to: { kind: 'program', id: catalog.id },
    };

    // A party changed to something that is not there is still refused, naming it.
    const missing = await editor
      .patch(path)
      .send({ ...unchanged, to: { kind: 'program', id: ads.id }, version: 1 })
      .expect(400);
    expect(problemSchema.parse(missing.body).errors).toEqual([
      { path: 'to.id', message: 'is not a program of this workspace' },
    ]);

    // The form sends both parties as they are, with the new status.
    const cancelled = programDependencySchema.parse(
      (
        await editor
          .patch(path)
          .send({ ...unchanged, status: 'cancelled', version: 1 })
          .expect(200)
      ).body,
    );
    expect(cancelled).toMatchObject({
      from: { kind: 'team', id: ads.id, name: null },
      status: 'cancelled',
      overdue: false,
      version: 2,
    });
    // Reopened as it is, it would be an open dependency owed to no one: refused, naming it.
    const reopened = await editor
      .patch(path)
      .send({ ...unchanged, status: 'open', version: 2 })
      .expect(400);
    expect(problemSchema.parse(reopened.body).errors).toEqual([
      { path: 'from.id', message: 'is not a team of this workspace' },
    ]);
    // And the gone party can be replaced by a team that exists.
    const platform = await createTeam(testApp, workspace, { name: 'Ads Platform 2' });
    const moved = programDependencySchema.parse(
      (
        await editor
          .patch(path)
          .send({ from: { kind: 'team', id: platform.id }, status: 'open', version: 2 })
          .expect(200)
      ).body,
    );
    expect(moved.from).toEqual({ kind: 'team', id: platform.id, name: 'Ads Platform 2' });
  });
});
