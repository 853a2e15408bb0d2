import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  adminUserPageSchema,
  adminUserSchema,
  auditEventPageSchema,
  instanceSettingsSchema,
  jobPageSchema,
  meResponseSchema,
  problemSchema,
} from '@bearing/contracts';
import { randomUUID } from 'node:crypto';
import { bootstrapAccounts } from '../src/bootstrap-accounts.js';
import { makeInstanceAdmin } from '../src/accounts/user-admin.repository.js';
import { HOUSEKEEPING } from '../src/jobs/housekeeping.service.js';
import { JobQueue } from '../src/jobs/job-queue.service.js';
import {
  browser,
  type Browser,
  countRows,
  createMember,
  createToken,
  createUser,
  createWorkspace,
  signIn,
  type TestUser,
  type TestWorkspace,
} from './support/factories.js';
import { fillPath, registeredRoutes, request } from './support/routes.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** A new address per sign-in attempt, so the failed attempts here never hit the IP limit. */
let ipSequence = 0;
const nextIp = () => `198.51.100.${++ipSequence}`;

describe('instance administration', () => {
  let testApp: TestApp;
  let instanceAdmin: TestUser;
  let adminBrowser: Browser;
  let workspace: TestWorkspace;

  beforeAll(async () => {
    testApp = await createTestApp();
    instanceAdmin = await createUser(testApp, { email: 'aaa-instance-admin@example.com' });
    await makeInstanceAdmin(testApp.dataSource.manager, instanceAdmin.id);
    adminBrowser = await signIn(testApp, instanceAdmin);
    workspace = await createWorkspace(testApp, await createUser(testApp));
  });
  afterAll(async () => {
    await testApp.close();
  });

  const adminRoutes = () =>
    registeredRoutes(testApp.app).filter((route) => route.rule === 'instance-admin');
  const label = ({ method, path }: { method: string; path: string }) => `${method} ${path}`;

  describe('access', () => {
    it('puts every /api/admin route, and only those, behind the instance-admin rule', () => {
      const routes = registeredRoutes(testApp.app);
      expect(adminRoutes().map(label).sort()).toEqual(
        routes
          .filter((route) => route.path.startsWith('/api/admin/'))
          .map(label)
          .sort(),
      );
      expect(adminRoutes().map(label)).toEqual(
        expect.arrayContaining([
          'DELETE /api/admin/users/:id/mfa',
          'GET /api/admin/audit-events',
          'GET /api/admin/jobs',
          'GET /api/admin/settings',
          'GET /api/admin/users',
          'PATCH /api/admin/settings',
          'PATCH /api/admin/users/:id',
        ]),
      );
    });

    it('refuses a workspace admin who is not an instance admin with 403, writing nothing', async () => {
      const workspaceAdmin = await signIn(testApp, await createMember(testApp, workspace, 'admin'));
      const before = await countRows(testApp);
      for (const route of adminRoutes()) {
        const response = await request(
          workspaceAdmin,
          route.method,
          fillPath(route.path, { id: instanceAdmin.id }),
        ).send({ active: false, workspaceCreation: 'everyone' });
        expect({ route: label(route), status: response.status }).toEqual({
          route: label(route),
          status: 403,
        });
        expect(problemSchema.parse(response.body).detail).toMatch(/instance administrator/);
      }
      expect(await countRows(testApp)).toEqual(before);
    });

    it("refuses an instance admin's API token", async () => {
      const token = await createToken(
        testApp,
        instanceAdmin,
        await createWorkspace(testApp, instanceAdmin),
        'write',
      );
      for (const route of adminRoutes()) {
        const response = await request(
          testApp.http,
          route.method,
          fillPath(route.path, { id: randomUUID() }),
        )
          .set('Authorization', `Bearer ${token.secret}`)
          .send({});
        expect({ route: label(route), status: response.status }).toEqual({
          route: label(route),
          status: 403,
        });
      }
    });

    it('tells the web app who is an instance admin', async () => {
      const me = meResponseSchema.parse((await adminBrowser.get('/api/me').expect(200)).body);
      expect(me.user.instanceAdmin).toBe(true);
      const other = await signIn(testApp, await createUser(testApp));
      const theirs = meResponseSchema.parse((await other.get('/api/me').expect(200)).body);
      expect(theirs.user.instanceAdmin).toBe(false);
    });
  });

  describe('who may create workspaces', () => {
    it('keeps it to instance admins by default: a viewer can no longer create workspaces', async () => {
      expect(
        instanceSettingsSchema.parse(
          (await adminBrowser.get('/api/admin/settings').expect(200)).body,
        ),
      ).toEqual({ workspaceCreation: 'instance-admins' });
      const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
      const me = meResponseSchema.parse((await viewer.get('/api/me').expect(200)).body);
      expect(me.canCreateWorkspaces).toBe(false);
      const before = await countRows(testApp);
      const refused = await viewer
        .post('/api/workspaces')
        .send({ slug: 'viewer-made', name: 'Viewer made' })
        .expect(403);
      expect(problemSchema.parse(refused.body).detail).toMatch(
        /only instance administrators may create workspaces/,
      );
      expect(await countRows(testApp)).toEqual(before);

      await adminBrowser
        .post('/api/workspaces')
        .send({ slug: 'admin-made', name: 'Admin made' })
        .expect(201);
    });

    it('lets everyone create workspaces once an instance admin says so, and records the change', async () => {
      const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
      const changed = await adminBrowser
        .patch('/api/admin/settings')
        .set('X-Request-Id', 'req-settings')
        .send({ workspaceCreation: 'everyone' })
        .expect(200);
      expect(instanceSettingsSchema.parse(changed.body)).toEqual({ workspaceCreation: 'everyone' });
      expect(
        meResponseSchema.parse((await viewer.get('/api/me').expect(200)).body).canCreateWorkspaces,
      ).toBe(true);
      await viewer
        .post('/api/workspaces')
        .send({ slug: 'everyone-made', name: 'Mine' })
        .expect(201);

      const events = auditEventPageSchema.parse(
        (await adminBrowser.get('/api/admin/audit-events').expect(200)).body,
      ).items;
      expect(events.find((event) => event.requestId === 'req-settings')).toMatchObject({
        action: 'instance-settings.updated',
        actor: { userId: instanceAdmin.id },
        targetLabel: 'Instance settings',
        details: { from: 'instance-admins', to: 'everyone' },
      });

      await adminBrowser
        .patch('/api/admin/settings')
        .send({ workspaceCreation: 'instance-admins' })
        .expect(200);
      await viewer.post('/api/workspaces').send({ slug: 'too-late', name: 'No' }).expect(403);
    });

    it('refuses an unknown setting value with a 400 naming the field, changing nothing', async () => {
      const response = await adminBrowser
        .patch('/api/admin/settings')
        .send({ workspaceCreation: 'anyone' })
        .expect(400);
      expect(problemSchema.parse(response.body).errors?.[0]?.path).toBe('workspaceCreation');
      expect((await adminBrowser.get('/api/admin/settings').expect(200)).body).toEqual({
        workspaceCreation: 'instance-admins',
      });
    });
  });

  describe('users', () => {
    it('lists every account by email, page by page, and searches email and name', async () => {
      const tag = randomUUID().slice(0, 8);
      for (const name of ['c', 'a', 'b']) {
        await createUser(testApp, {
          email: `list-${tag}-${name}@example.com`,
          displayName: `Lister ${name}`,
        });
      }
      await createUser(testApp, {
        email: `other-${tag}@example.com`,
        displayName: `Zed List_${tag}`,
      });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response = await adminBrowser
          .get('/api/admin/users')
          .query({ search: `LIST-${tag}`, limit: 2, ...(cursor ? { cursor } : {}) })
          .expect(200);
        const page = adminUserPageSchema.parse(response.body);
        seen.push(...page.items.map((user) => user.email));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(seen).toEqual([
        `list-${tag}-a@example.com`,
        `list-${tag}-b@example.com`,
        `list-${tag}-c@example.com`,
      ]);
      const byName = adminUserPageSchema.parse(
        (
          await adminBrowser
            .get('/api/admin/users')
            .query({ search: `list_${tag}` })
            .expect(200)
        ).body,
      );
      expect(byName.items.map((user) => user.email)).toEqual([`other-${tag}@example.com`]);
      // `_` is not a wildcard: "list-<tag>" does not match "List_<tag>".
      const all = adminUserPageSchema.parse(
        (await adminBrowser.get('/api/admin/users').query({ limit: 200 }).expect(200)).body,
      );
      expect(all.items[0]).toMatchObject({
        email: instanceAdmin.email,
        instanceAdmin: true,
        active: true,
        deactivatedAt: null,
      });
    });

    it('deactivates an account: its session and token are refused on the next request', async () => {
      const member = await createMember(testApp, workspace, 'editor');
      const memberBrowser = await signIn(testApp, member);
      const token = await createToken(testApp, member, workspace, 'write');
      const membersUrl = `/api/workspaces/${workspace.slug}/members`;
      await memberBrowser.get('/api/me').expect(200);
      await testApp.http.get(membersUrl).set('Authorization', `Bearer ${token.secret}`).expect(200);

      const updated = adminUserSchema.parse(
        (
          await adminBrowser
            .patch(`/api/admin/users/${member.id}`)
            .set('X-Request-Id', 'req-deactivate')
            .send({ active: false })
            .expect(200)
        ).body,
      );
      expect(updated).toMatchObject({ id: member.id, active: false });
      expect(updated.deactivatedAt).not.toBeNull();

      await memberBrowser.get('/api/me').expect(401);
      await testApp.http.get(membersUrl).set('Authorization', `Bearer ${token.secret}`).expect(401);
      const [counts] = await testApp.dataSource.query(
        `SELECT (SELECT count(*)::int FROM session WHERE user_id = $1 AND revoked_at IS NULL) AS sessions,
                (SELECT count(*)::int FROM api_token WHERE user_id = $1 AND revoked_at IS NULL) AS tokens`,
        [member.id],
      );
      expect(counts).toEqual({ sessions: 0, tokens: 0 });

      const events = auditEventPageSchema.parse(
        (await adminBrowser.get('/api/admin/audit-events').expect(200)).body,
      ).items;
      expect(events.find((event) => event.requestId === 'req-deactivate')).toMatchObject({
        action: 'account.deactivated',
        targetId: member.id,
        targetLabel: `Account · ${member.email}`,
        details: { email: member.email, sessionsRevoked: 1, tokensRevoked: 1 },
      });
    });

    it('refuses a deactivated account’s sign-in with the same answer as a wrong password', async () => {
      const person = await createUser(testApp);
      const wrongPassword = await browser(testApp)
        .post('/api/auth/sign-in')
        .set('X-Forwarded-For', nextIp())
        .send({ email: person.email, password: 'not the password at all' })
        .expect(401);
      await adminBrowser.patch(`/api/admin/users/${person.id}`).send({ active: false }).expect(200);
      const deactivated = await browser(testApp)
        .post('/api/auth/sign-in')
        .set('X-Forwarded-For', nextIp())
        .send({ email: person.email, password: person.password })
        .expect(401);
      // The same answer but for the request's own id.
      const { requestId: _deactivatedId, ...deactivatedAnswer } = deactivated.body;
      const { requestId: _wrongId, ...wrongPasswordAnswer } = wrongPassword.body;
      expect(deactivatedAnswer).toEqual(wrongPasswordAnswer);

      await adminBrowser.patch(`/api/admin/users/${person.id}`).send({ active: true }).expect(200);
      await browser(testApp)
        .post('/api/auth/sign-in')
        .set('X-Forwarded-For', nextIp())
        .send({ email: person.email, password: person.password })
        .expect(200);
    });

    it('keeps a reactivated account’s old tokens revoked', async () => {
      const member = await createMember(testApp, workspace, 'viewer');
      const token = await createToken(testApp, member, workspace, 'read');
      await adminBrowser.patch(`/api/admin/users/${member.id}`).send({ active: false }).expect(200);
      await adminBrowser.patch(`/api/admin/users/${member.id}`).send({ active: true }).expect(200);
      await testApp.http
        .get(`/api/workspaces/${workspace.slug}/members`)
        .set('Authorization', `Bearer ${token.secret}`)
        .expect(401);
    });

    it('never deactivates yourself or the last active instance admin', async () => {
      const self = await adminBrowser
        .patch(`/api/admin/users/${instanceAdmin.id}`)
        .send({ active: false })
        .expect(409);
      expect(problemSchema.parse(self.body).type).toMatch(/cannot-deactivate-self$/);

      // Two instance admins deactivating each other at the same moment: one of them stays.
      const first = await promoted(testApp);
      const second = await promoted(testApp);
      const [firstBrowser, secondBrowser] = [
        await signIn(testApp, first),
        await signIn(testApp, second),
      ];
      await testApp.dataSource.query(`UPDATE "user" SET disabled_at = now() WHERE id = $1`, [
        instanceAdmin.id,
      ]);
      const statuses = (
        await Promise.all([
          firstBrowser.patch(`/api/admin/users/${second.id}`).send({ active: false }),
          secondBrowser.patch(`/api/admin/users/${first.id}`).send({ active: false }),
        ])
      ).map((response) => response.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      // The loser is either already refused (401) or told it would remove the last one (409).
      expect([401, 409]).toContain(statuses.find((status) => status !== 200));
      const [active] = await testApp.dataSource.query(
        `SELECT count(*)::int AS count FROM "user" WHERE instance_admin AND disabled_at IS NULL`,
      );
      expect(active.count).toBe(1);

      // Reactivate the suite's admin, for the tests that follow.
      await testApp.dataSource.query(`UPDATE "user" SET disabled_at = NULL WHERE id = $1`, [
        instanceAdmin.id,
      ]);
      adminBrowser = await signIn(testApp, instanceAdmin);
    });

    it('refuses to deactivate the only active admin of a workspace (409 naming it), unless told to leave it without one', async () => {
      const owner = await createUser(testApp);
      const owned = await createWorkspace(testApp, owner, 'sole-admin-here');
      const departed = await createMember(testApp, owned, 'admin');
      await adminBrowser
        .patch(`/api/admin/users/${departed.id}`)
        .send({ active: false })
        .expect(200);
      const refused = await adminBrowser
        .patch(`/api/admin/users/${owner.id}`)
        .send({ active: false })
        .expect(409);
      expect(problemSchema.parse(refused.body)).toMatchObject({
        type: 'https://bearing.dev/problems/last-workspace-admin',
        detail: expect.stringContaining('/w/sole-admin-here'),
      });
      const [row] = await testApp.dataSource.query(`SELECT disabled_at FROM "user" WHERE id = $1`, [
        owner.id,
      ]);
      expect(row).toEqual({ disabled_at: null });
      // Another active admin there: deactivating is fine.
      const second = await createMember(testApp, owned, 'admin');
      await adminBrowser.patch(`/api/admin/users/${owner.id}`).send({ active: false }).expect(200);
      // The last one, confirmed: deactivated, and the instance log names the workspace.
      const confirmed = adminUserSchema.parse(
        (
          await adminBrowser
            .patch(`/api/admin/users/${second.id}`)
            .set('X-Request-Id', 'req-orphaning')
            .send({ active: false, leaveWorkspacesWithoutAdmin: true })
            .expect(200)
        ).body,
      );
      expect(confirmed.active).toBe(false);
      const events = auditEventPageSchema.parse(
        (await adminBrowser.get('/api/admin/audit-events').expect(200)).body,
      ).items;
      expect(events.find((event) => event.requestId === 'req-orphaning')).toMatchObject({
        action: 'account.deactivated',
        details: { workspacesLeftWithoutAdmin: ['sole-admin-here'] },
      });
    });

    it('answers 404 for an unknown account and 400 for a bad id or body', async () => {
      await adminBrowser
        .patch(`/api/admin/users/${randomUUID()}`)
        .send({ active: false })
        .expect(404);
      await adminBrowser.patch('/api/admin/users/not-a-uuid').send({ active: false }).expect(400);
      const response = await adminBrowser
        .patch(`/api/admin/users/${instanceAdmin.id}`)
        .send({ active: 'no' })
        .expect(400);
      expect(problemSchema.parse(response.body).errors?.[0]?.path).toBe('active');
    });
  });

  describe('the instance audit log', () => {
    it('records sign-in and sign-out, and no workspace sees them', async () => {
      const person = await createMember(testApp, workspace, 'admin');
      const personBrowser = browser(testApp);
      await personBrowser
        .post('/api/auth/sign-in')
        .set('X-Forwarded-For', nextIp())
        .set('X-Request-Id', 'req-sign-in')
        .send({ email: person.email, password: person.password })
        .expect(200);
      await personBrowser
        .post('/api/auth/sign-out')
        .set('X-Request-Id', 'req-sign-out')
        .expect(204);
      const events = auditEventPageSchema.parse(
        (await adminBrowser.get('/api/admin/audit-events').query({ limit: 200 }).expect(200)).body,
      ).items;
      for (const [requestId, action] of [
        ['req-sign-in', 'session.signed-in'],
        ['req-sign-out', 'session.signed-out'],
      ] as const) {
        expect(events.filter((event) => event.requestId === requestId)).toEqual([
          expect.objectContaining({
            action,
            actor: { userId: person.id, email: person.email, displayName: person.displayName },
            targetLabel: `Account · ${person.email}`,
          }),
        ]);
      }
      const inWorkspace = auditEventPageSchema.parse(
        (
          await (
            await signIn(testApp, person)
          )
            .get(`/api/workspaces/${workspace.slug}/audit-events`)
            .expect(200)
        ).body,
      ).items;
      expect(inWorkspace.map((event) => event.action)).not.toContain('session.signed-in');
    });

    it('holds the events of no workspace only, newest first, page by page', async () => {
      const everything = auditEventPageSchema.parse(
        (await adminBrowser.get('/api/admin/audit-events').query({ limit: 200 }).expect(200)).body,
      ).items;
      expect(everything.length).toBeGreaterThan(3);
      const [row] = await testApp.dataSource.query(
        `SELECT array_agg(id::text) AS ids FROM audit_event WHERE workspace_id IS NOT NULL`,
      );
      for (const event of everything) expect(row.ids).not.toContain(event.id);
      const times = everything.map((event) => event.createdAt);
      expect(times).toEqual([...times].sort().reverse());

      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const response = await adminBrowser
          .get('/api/admin/audit-events')
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .expect(200);
        const page = auditEventPageSchema.parse(response.body);
        paged.push(...page.items.map((event) => event.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(paged).toEqual(everything.map((event) => event.id));
    });
  });

  describe('jobs of no workspace', () => {
    it('are listed to instance admins, and no workspace job is', async () => {
      const queue = testApp.app.get(JobQueue);
      const instanceJob = await queue.enqueue(HOUSEKEEPING, {});
      const workspaceJob = await queue.enqueue(HOUSEKEEPING, { workspaceId: workspace.id });
      const page = jobPageSchema.parse(
        (await adminBrowser.get('/api/admin/jobs').query({ limit: 200 }).expect(200)).body,
      );
      const ids = page.items.map((job) => job.id);
      expect(ids).toContain(instanceJob);
      expect(ids).not.toContain(workspaceJob);
      expect(page.items.find((job) => job.id === instanceJob)?.kind).toBe(HOUSEKEEPING);
    });
  });

  /** A fresh instance admin. */
  async function promoted(app: TestApp): Promise<TestUser> {
    const user = await createUser(app);
    await makeInstanceAdmin(app.dataSource.manager, user.id);
    return user;
  }
});

describe('the first admin', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('is an instance admin; accounts made later are not', async () => {
    await bootstrapAccounts(testApp.dataSource, {
      adminEmail: 'first@example.com',
      adminPassword: 'quokka fjord lantern 1897',
      demo: false,
    });
    const later = await createUser(testApp);
    const rows: { email: string; instance_admin: boolean }[] = await testApp.dataSource.query(
      `SELECT email, instance_admin FROM "user" ORDER BY email`,
    );
    expect(rows).toEqual([
      { email: 'first@example.com', instance_admin: true },
      { email: later.email, instance_admin: false },
    ]);
  });
});
