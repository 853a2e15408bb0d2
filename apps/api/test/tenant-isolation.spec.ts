import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  apiTokenPageSchema,
  auditEventPageSchema,
  memberPageSchema,
  workspacePageSchema,
} from '@bearing/contracts';
import {
  type Browser,
  countRows,
  createMember,
  createToken,
  createUser,
  createWorkspace,
  signIn,
  type TestToken,
  type TestUser,
  type TestWorkspace,
} from './support/factories.js';
import { fillPath, type RegisteredRoute, registeredRoutes, request } from './support/routes.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Bodies that would succeed if the target were reachable, so a refusal can only come from
 * tenant isolation and not from validation. A new write route with ids must add one here.
 */
const VALID_BODIES: Record<string, object> = {
  'POST /api/workspaces/:workspace/members': {
    email: 'new@example.com',
    role: 'viewer',
    invite: true,
  },
  'PATCH /api/workspaces/:workspace/members/:userId': { role: 'viewer', version: 1 },
};

/**
 * A member (admin, even) of workspace B calls every route with workspace A's slug and ids.
 * Nothing of A may be read or written: every answer is 404, and the database is unchanged.
 */
describe('tenant isolation', () => {
  let testApp: TestApp;
  let workspaceA: TestWorkspace;
  let workspaceB: TestWorkspace;
  let memberOfA: TestUser;
  let tokenOfA: TestToken;
  let intruder: Browser;
  let intruderToken: TestToken;
  let routes: RegisteredRoute[];

  beforeAll(async () => {
    testApp = await createTestApp();
    const adminOfA = await createUser(testApp);
    workspaceA = await createWorkspace(testApp, adminOfA);
    memberOfA = await createMember(testApp, workspaceA, 'editor');
    tokenOfA = await createToken(testApp, memberOfA, workspaceA, 'write');
    await (
      await signIn(testApp, adminOfA)
    )
      .post(`/api/workspaces/${workspaceA.slug}/members`)
      .send({ email: 'pending@example.com', role: 'viewer', invite: true })
      .expect(201);

    const adminOfB = await createUser(testApp);
    workspaceB = await createWorkspace(testApp, adminOfB);
    intruder = await signIn(testApp, adminOfB);
    intruderToken = await createToken(testApp, adminOfB, workspaceB, 'write');
    routes = registeredRoutes(testApp.app);
  });
  afterAll(async () => {
    await testApp.close();
  });

  /** Ids that exist in workspace A, for each kind of route parameter. */
  const idsOfA = (path: string): Record<string, string> => ({
    workspace: workspaceA.slug,
    userId: memberOfA.id,
    ...(/:id\b/.test(path) ? { id: recordIdOfA(path) } : {}),
  });
  const recordIdOfA = (path: string): string => {
    if (path.includes('/tokens/:id')) return tokenOfA.id;
    throw new Error(`the sweep has no id from workspace A for ${path}: add one to recordIdOfA`);
  };
  const label = ({ method, path }: RegisteredRoute) => `${method} ${path}`;
  const bodyFor = (route: RegisteredRoute) => VALID_BODIES[label(route)] ?? {};
  const workspaceRoutes = () =>
    routes.filter(({ path }) => path.startsWith('/api/workspaces/:workspace'));
  const hasIds = ({ path }: RegisteredRoute) => /:(?!workspace\b)\w+/.test(path);

  async function expectNothingChanged(sweep: () => Promise<void>) {
    const before = await countRows(testApp);
    const roleBefore = await roleOf(memberOfA);
    await sweep();
    expect(await countRows(testApp)).toEqual(before);
    expect(await roleOf(memberOfA)).toBe(roleBefore);
    const [token] = await testApp.dataSource.query(
      `SELECT revoked_at FROM api_token WHERE id = $1`,
      [tokenOfA.id],
    );
    expect(token.revoked_at).toBeNull();
  }

  async function roleOf(user: TestUser): Promise<string> {
    const [row]: { role: string }[] = await testApp.dataSource.query(
      `SELECT role FROM membership WHERE workspace_id = $1 AND user_id = $2`,
      [workspaceA.id, user.id],
    );
    return row?.role ?? 'none';
  }

  it("answers 404 on every workspace route called with A's slug and ids", async () => {
    expect(workspaceRoutes().length).toBeGreaterThan(5);
    await expectNothingChanged(async () => {
      for (const route of workspaceRoutes()) {
        const url = fillPath(route.path, idsOfA(route.path));
        const response = await request(intruder, route.method, url).send(bodyFor(route));
        expect({ route: label(route), status: response.status }).toEqual({
          route: label(route),
          status: 404,
        });
      }
    });
  });

  it("answers 404 when A's ids are sent under B's own slug", async () => {
    const withIds = workspaceRoutes().filter(hasIds);
    expect(withIds.length).toBeGreaterThan(2);
    await expectNothingChanged(async () => {
      for (const route of withIds) {
        const url = fillPath(route.path, { ...idsOfA(route.path), workspace: workspaceB.slug });
        const response = await request(intruder, route.method, url).send(bodyFor(route));
        expect({ route: label(route), status: response.status }).toEqual({
          route: label(route),
          status: 404,
        });
      }
    });
  });

  it("answers 404 to B's API token on every route of A", async () => {
    await expectNothingChanged(async () => {
      for (const route of workspaceRoutes()) {
        const url = fillPath(route.path, idsOfA(route.path));
        const response = await request(testApp.http, route.method, url)
          .set('Authorization', `Bearer ${intruderToken.secret}`)
          .send(bodyFor(route));
        expect({ route: label(route), status: response.status }).toEqual({
          route: label(route),
          status: 404,
        });
      }
    });
  });

  it("answers 404 on account routes given A's ids or slug", async () => {
    await expectNothingChanged(async () => {
      await intruder.delete(`/api/me/tokens/${tokenOfA.id}`).expect(404);
      await intruder
        .post('/api/me/tokens')
        .send({ name: 'sneaky', workspace: workspaceA.slug, scope: 'read', expiresInDays: 1 })
        .expect(404);
    });
  });

  it("lists nothing of A in B's lists", async () => {
    const members = memberPageSchema.parse(
      (await intruder.get(`/api/workspaces/${workspaceB.slug}/members`).expect(200)).body,
    );
    expect(members.items.map((member) => member.userId)).not.toContain(memberOfA.id);
    const tokens = apiTokenPageSchema.parse(
      (await intruder.get(`/api/workspaces/${workspaceB.slug}/tokens`).expect(200)).body,
    );
    expect(tokens.items.map((token) => token.workspace.id)).toEqual([workspaceB.id]);
    const events = auditEventPageSchema.parse(
      (await intruder.get(`/api/workspaces/${workspaceB.slug}/audit-events`).expect(200)).body,
    );
    expect(events.items.length).toBeGreaterThan(0);
    const [row] = await testApp.dataSource.query(
      `SELECT array_agg(id::text) AS ids FROM audit_event WHERE workspace_id = $1`,
      [workspaceA.id],
    );
    for (const event of events.items) expect(row.ids).not.toContain(event.id);
    const mine = workspacePageSchema.parse(
      (await intruder.get('/api/workspaces').expect(200)).body,
    );
    expect(mine.items.map((workspace) => workspace.slug)).toEqual([workspaceB.slug]);
  });
});
