import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, Get, Module } from '@nestjs/common';
import { problemSchema } from '@bearing/contracts';
import { randomUUID } from 'node:crypto';
import {
  browser,
  countRows,
  createMember,
  createToken,
  createUser,
  createWorkspace,
  signIn,
  TEST_ORIGIN,
  type TestWorkspace,
} from './support/factories.js';
import { expressRoutes, fillPath, registeredRoutes, request } from './support/routes.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Express routes outside Nest's controllers: the API docs that swagger-ui-express mounts, and
 * Nest's catch-all under the global prefix that answers unknown paths with 404.
 */
const NOT_A_CONTROLLER_ROUTE =
  /^(GET \/api\/(docs|openapi\.(json|yaml))|[A-Z-]+ \/api\{\/\*splat\}$)/;

const PUBLIC_ROUTES = [
  // Which ways of signing in exist, and single sign-on's start and return from the provider.
  'GET /api/auth/config',
  'GET /api/auth/oidc/callback',
  'GET /api/auth/oidc/start',
  'GET /api/auth/session',
  'GET /api/health',
  'GET /api/ready',
  'GET /api/unsubscribe/:token',
  'POST /api/auth/accept-invite',
  'POST /api/auth/mfa',
  'POST /api/auth/password-reset',
  'POST /api/auth/password-reset/confirm',
  'POST /api/auth/sign-in',
];

describe('every route declares who may call it', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  const routes = () => registeredRoutes(testApp.app);
  const label = ({ method, path }: { method: string; path: string }) => `${method} ${path}`;

  it('finds every route Express serves, apart from the API docs', () => {
    const served = expressRoutes(testApp.app).filter(
      (route) => !NOT_A_CONTROLLER_ROUTE.test(route),
    );
    expect(routes().map(label).sort()).toEqual([...new Set(served)].sort());
    expect(routes().length).toBeGreaterThan(15);
  });

  it('has an @Access rule on each of them', () => {
    expect(
      routes()
        .filter((route) => route.rule === undefined)
        .map(label),
    ).toEqual([]);
  });

  it('opens only sign-in, the session check, invite acceptance, password reset, health, readiness and email unsubscribe links to the public', () => {
    const open = routes().filter((route) => route.rule === 'public');
    expect(open.map(label).sort()).toEqual(PUBLIC_ROUTES);
  });

  it('opens only the Jira webhook and the one-click unsubscribe to other servers, which prove themselves by the secret in the path', () => {
    const hooks = routes().filter((route) => route.rule === 'webhook');
    expect(hooks.map(label).sort()).toEqual([
      'POST /api/hooks/jira/:sourceId/:secret',
      'POST /api/unsubscribe/:token',
    ]);
  });

  it('names a workspace role exactly on the routes under /api/workspaces/:workspace', () => {
    for (const route of routes()) {
      const underWorkspace = route.path.startsWith('/api/workspaces/:workspace');
      const namesRole = typeof route.rule === 'object';
      expect({ route: label(route), namesRole }).toEqual({
        route: label(route),
        namesRole: underWorkspace,
      });
    }
  });

  it('gives every milestone write, deleting one included, to editors (and admins)', () => {
    const writes = routes().filter(
      (route) =>
        route.path.startsWith('/api/workspaces/:workspace/programs/:program/milestones') &&
        route.method !== 'GET',
    );
    expect(
      writes
        .map((route) => ({ route: label(route), rule: route.rule }))
        .sort((a, b) => a.route.localeCompare(b.route)),
    ).toEqual([
      {
        route: 'DELETE /api/workspaces/:workspace/programs/:program/milestones/:id',
        rule: { workspaceRole: 'editor' },
      },
      {
        route: 'PATCH /api/workspaces/:workspace/programs/:program/milestones/:id',
        rule: { workspaceRole: 'editor' },
      },
      {
        route: 'POST /api/workspaces/:workspace/programs/:program/milestones',
        rule: { workspaceRole: 'editor' },
      },
    ]);
  });

  it("gives a workspace's pending invitations, listing and revoking them, to its admins only", () => {
    const invitationRoutes = routes().filter((route) =>
      route.path.startsWith('/api/workspaces/:workspace/invitations'),
    );
    expect(
      invitationRoutes
        .map((route) => ({ route: label(route), rule: route.rule }))
        .sort((a, b) => a.route.localeCompare(b.route)),
    ).toEqual([
      {
        route: 'DELETE /api/workspaces/:workspace/invitations/:id',
        rule: { workspaceRole: 'admin' },
      },
      { route: 'GET /api/workspaces/:workspace/invitations', rule: { workspaceRole: 'admin' } },
    ]);
  });

  it('answers 401 problem+json on every other route without credentials', async () => {
    const values = {
      workspace: 'any-workspace',
      userId: randomUUID(),
      id: randomUUID(),
      key: 'any-metric',
      program: randomUUID(),
      team: randomUUID(),
      member: randomUUID(),
      sprint: randomUUID(),
      workItem: randomUUID(),
      type: 'program',
    };
    const needCredentials = routes().filter(
      (candidate) => candidate.rule !== 'public' && candidate.rule !== 'webhook',
    );
    for (const route of needCredentials) {
      const response = await request(
        browser(testApp),
        route.method,
        fillPath(route.path, values),
      ).send({});
      expect({ route: label(route), status: response.status }).toEqual({
        route: label(route),
        status: 401,
      });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="Bearing"');
    }
  });

  it('treats an unknown session cookie as signed out and a bad Authorization header as 401', async () => {
    await browser(testApp).get('/api/me').set('Cookie', 'bearing_session=forged').expect(401);
    await browser(testApp).get('/api/me').set('Authorization', 'Bearer brg_forged').expect(401);
    await browser(testApp).get('/api/me').set('Authorization', 'Basic YTpi').expect(401);
  });

  describe('roles', () => {
    let workspace: TestWorkspace;
    const values = () => ({
      workspace: workspace.slug,
      userId: randomUUID(),
      id: randomUUID(),
      key: 'any-metric',
      program: randomUUID(),
      team: randomUUID(),
      member: randomUUID(),
      sprint: randomUUID(),
      workItem: randomUUID(),
      type: 'program',
    });
    const routesNeeding = (roles: string[]) =>
      routes().filter(({ rule }) => typeof rule === 'object' && roles.includes(rule.workspaceRole));

    beforeAll(async () => {
      const admin = await createUser(testApp);
      workspace = await createWorkspace(testApp, admin);
    });

    it('refuses a viewer every editor and admin route with 403, writing nothing', async () => {
      const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
      const before = await countRows(testApp);
      const guarded = routesNeeding(['editor', 'admin']);
      expect(guarded.length).toBeGreaterThan(0);
      for (const route of guarded) {
        const response = await request(viewer, route.method, fillPath(route.path, values())).send(
          {},
        );
        expect({ route: label(route), status: response.status }).toEqual({
          route: label(route),
          status: 403,
        });
      }
      expect(await countRows(testApp)).toEqual(before);
    });

    it('refuses an editor every admin route with 403', async () => {
      const editor = await signIn(testApp, await createMember(testApp, workspace, 'editor'));
      for (const route of routesNeeding(['admin'])) {
        const response = await request(editor, route.method, fillPath(route.path, values())).send(
          {},
        );
        expect({ route: label(route), status: response.status }).toEqual({
          route: label(route),
          status: 403,
        });
        expect(problemSchema.parse(response.body).detail).toMatch(/needs the admin role/);
      }
    });

    it('refuses a workspace admin every instance-admin route with 403, writing nothing', async () => {
      const admin = await signIn(testApp, await createMember(testApp, workspace, 'admin'));
      const before = await countRows(testApp);
      const instanceAdminRoutes = routes().filter(({ rule }) => rule === 'instance-admin');
      expect(instanceAdminRoutes.length).toBeGreaterThan(0);
      for (const route of instanceAdminRoutes) {
        const response = await request(admin, route.method, fillPath(route.path, values())).send(
          {},
        );
        expect({ route: label(route), status: response.status }).toEqual({
          route: label(route),
          status: 403,
        });
      }
      expect(await countRows(testApp)).toEqual(before);
    });

    it('lets a viewer read', async () => {
      const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
      await viewer.get(`/api/workspaces/${workspace.slug}/members`).expect(200);
    });

    it('keeps API tokens off account-level routes', async () => {
      const owner = await createMember(testApp, workspace, 'admin');
      const token = await createToken(testApp, owner, workspace, 'write');
      const accountLevel = routes().filter(
        ({ rule }) => rule === 'signed-in' || rule === 'instance-admin',
      );
      for (const route of accountLevel) {
        const response = await request(testApp.http, route.method, fillPath(route.path, values()))
          .set('Authorization', `Bearer ${token.secret}`)
          .send({});
        expect({ route: label(route), status: response.status }).toEqual({
          route: label(route),
          status: 403,
        });
      }
    });
  });
});

@Controller('test-only')
class UndeclaredController {
  @Get('no-rule')
  open(): { reached: boolean } {
    return { reached: true };
  }
}

@Module({ controllers: [UndeclaredController] })
class UndeclaredRouteModule {}

describe('a route without an access rule', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({}, [UndeclaredRouteModule]);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('is refused with 403, even for a signed-in admin', async () => {
    const user = await createUser(testApp);
    await createWorkspace(testApp, user);
    const response = await (await signIn(testApp, user)).get('/api/test-only/no-rule').expect(403);
    expect(problemSchema.parse(response.body).detail).toMatch(/declares no access rule/);
    expect(response.body.reached).toBeUndefined();
  });

  it('is what the route walk reports', () => {
    const undeclared = registeredRoutes(testApp.app).filter((route) => route.rule === undefined);
    expect(undeclared.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'GET /api/test-only/no-rule',
    ]);
  });

  it('does not stop public routes from working', async () => {
    await browser(testApp).get('/api/health').set('Origin', TEST_ORIGIN).expect(200);
  });
});
