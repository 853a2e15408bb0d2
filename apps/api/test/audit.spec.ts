import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addMemberResponseSchema,
  type AuditEvent,
  auditEventPageSchema,
  createdTokenResponseSchema,
  workspaceSchema,
} from '@bearing/contracts';
import {
  browser,
  type Browser,
  countRows,
  createUser,
  signIn,
  TEST_PASSWORD,
  type TestUser,
} from './support/factories.js';
import { makeInstanceAdmin } from '../src/accounts/user-admin.repository.js';
import { createPeriod } from './support/okr-factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('audit log', () => {
  let testApp: TestApp;
  let admin: TestUser;
  let adminBrowser: Browser;
  let slug: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await createUser(testApp);
    // An instance admin: may create the workspace, and accounts with an initial password.
    await makeInstanceAdmin(testApp.dataSource.manager, admin.id);
    adminBrowser = await signIn(testApp, admin);
    const created = await adminBrowser
      .post('/api/workspaces')
      .set('X-Request-Id', 'req-create-workspace')
      .send({ slug: 'audited', name: 'Audited' })
      .expect(201);
    slug = workspaceSchema.parse(created.body).slug;
  });
  afterAll(async () => {
    await testApp.close();
  });

  async function allEvents(agent = adminBrowser): Promise<AuditEvent[]> {
    const response = await agent
      .get(`/api/workspaces/${slug}/audit-events`)
      .query({ limit: 200 })
      .expect(200);
    return auditEventPageSchema.parse(response.body).items;
  }
  const byRequest = (events: AuditEvent[], requestId: string) =>
    events.filter((event) => event.requestId === requestId);

  it('records every write with its actor, target and request id', async () => {
    const audited = await createUser(testApp, { email: 'audited@example.com' });
    const { invitation } = addMemberResponseSchema.parse(
      (
        await adminBrowser
          .post(`/api/workspaces/${slug}/members`)
          .set('X-Request-Id', 'req-add')
          .send({ email: audited.email, role: 'viewer' })
          .expect(201)
      ).body,
    );
    const userId = audited.id;
    const memberBrowser = await signIn(testApp, audited);
    await memberBrowser
      .post(`/api/me/invitations/${invitation.id}/accept`)
      .set('X-Request-Id', 'req-accept')
      .expect(200);
    await adminBrowser
      .patch(`/api/workspaces/${slug}/members/${userId}`)
      .set('X-Request-Id', 'req-promote')
      .send({ role: 'editor', version: 1 })
      .expect(200);
    const token = createdTokenResponseSchema.parse(
      (
        await memberBrowser
          .post('/api/me/tokens')
          .set('X-Request-Id', 'req-token')
          .send({ name: 'ci', workspace: slug, scope: 'write', expiresInDays: 7 })
          .expect(201)
      ).body,
    );
    await adminBrowser
      .delete(`/api/workspaces/${slug}/tokens/${token.id}`)
      .set('X-Request-Id', 'req-revoke')
      .expect(204);
    await adminBrowser
      .delete(`/api/workspaces/${slug}/members/${userId}`)
      .set('X-Request-Id', 'req-remove')
      .expect(204);

    const events = await allEvents();
    const expectations: [string, Partial<AuditEvent>][] = [
      ['req-create-workspace', { action: 'workspace.created', targetType: 'workspace' }],
      ['req-add', { action: 'member.invited', targetType: 'invitation', targetId: invitation.id }],
      ['req-accept', { action: 'member.joined', targetType: 'user', targetId: userId }],
      [
        'req-promote',
        {
          action: 'member.role-changed',
          targetId: userId,
          details: { email: 'audited@example.com', from: 'viewer', to: 'editor' },
        },
      ],
      ['req-token', { action: 'token.created', targetType: 'api_token', targetId: token.id }],
      ['req-revoke', { action: 'token.revoked', targetId: token.id }],
      ['req-remove', { action: 'member.removed', targetId: userId }],
    ];
    for (const [requestId, expected] of expectations) {
      const recorded = byRequest(events, requestId);
      expect(recorded).toHaveLength(1);
      expect(recorded[0]).toMatchObject({ ...expected, actorTokenId: null });
    }
    expect(byRequest(events, 'req-token')[0]?.actor).toEqual({
      userId,
      email: 'audited@example.com',
      displayName: 'audited',
    });
    expect(byRequest(events, 'req-remove')[0]?.actor.userId).toBe(admin.id);
    expect(byRequest(events, 'req-remove')[0]?.details).toMatchObject({ tokensRevoked: 0 });

    const everything = JSON.stringify(events);
    expect(everything).not.toContain(TEST_PASSWORD);
    expect(everything).not.toContain(token.token);
  });

  it('labels each target as it was named when the event was recorded', async () => {
    const workspaceId = (
      await testApp.dataSource.query(`SELECT id FROM workspace WHERE slug = $1`, [slug])
    )[0].id as string;
    const period = await createPeriod(
      testApp,
      { id: workspaceId, slug, name: 'Audited' },
      {
        name: 'H2 2026',
        start: '2026-07-01',
        end: '2026-12-31',
      },
    );
    const api = (path: string) => `/api/workspaces/${slug}/${path}`;
    await adminBrowser
      .post(api('teams'))
      .set('X-Request-Id', 'req-label-team')
      .send({ name: 'Platform', slug: 'platform' })
      .expect(201);
    await adminBrowser
      .patch(api('teams/platform'))
      .set('X-Request-Id', 'req-label-rename')
      .send({ name: 'Platform Core', version: 1 })
      .expect(200);
    await adminBrowser
      .post(api('objectives'))
      .set('X-Request-Id', 'req-label-objective')
      .send({ title: 'Grow podcast revenue', ownerId: admin.id, periodId: period.id })
      .expect(201);
    const program = await adminBrowser
      .post(api('programs'))
      .set('X-Request-Id', 'req-label-program')
      .send({ name: 'Checkout revamp', ownerId: admin.id, start: '2026-07-01' })
      .expect(201);
    await adminBrowser
      .post(api('members'))
      .set('X-Request-Id', 'req-label-member')
      .send({ email: 'ada@example.com', role: 'viewer', password: TEST_PASSWORD })
      .expect(201);
    await adminBrowser
      .delete(api('teams/platform'))
      .set('X-Request-Id', 'req-label-delete')
      .expect(204);

    const events = await allEvents();
    const labelOf = (requestId: string) => byRequest(events, requestId)[0]?.targetLabel;
    expect(labelOf('req-create-workspace')).toBe('Workspace · Audited');
    expect(labelOf('req-label-team')).toBe('Team · Platform');
    // A rename is recorded under the new name; the earlier event keeps the name it had.
    expect(labelOf('req-label-rename')).toBe('Team · Platform Core');
    expect(labelOf('req-label-objective')).toBe('Objective · Grow podcast revenue');
    expect(byRequest(events, 'req-label-program')[0]).toMatchObject({
      targetId: program.body.id,
      targetLabel: 'Program · Checkout revamp',
    });
    expect(labelOf('req-label-member')).toBe('Invitation · ada@example.com');
    // The team is gone when its deletion is recorded: the label comes from what the event knew.
    expect(labelOf('req-label-delete')).toBe('Team · Platform Core');
    expect(labelOf('req-token')).toBe('API token · ci');
  });

  it('records invitations and who accepted them', async () => {
    const invited = addMemberResponseSchema.parse(
      (
        await adminBrowser
          .post(`/api/workspaces/${slug}/members`)
          .set('X-Request-Id', 'req-invite')
          .send({ email: 'joiner@example.com', role: 'viewer', invite: true })
          .expect(201)
      ).body,
    );
    const secret = invited.invitation?.url.replace('/invite/', '') ?? '';
    const joined = await browser(testApp)
      .post('/api/auth/accept-invite')
      .set('X-Request-Id', 'req-join')
      .send({ token: secret, displayName: 'Joiner', password: TEST_PASSWORD })
      .expect(200);
    const events = await allEvents();
    expect(byRequest(events, 'req-invite')[0]).toMatchObject({
      action: 'member.invited',
      actor: { userId: admin.id },
    });
    expect(byRequest(events, 'req-join')[0]).toMatchObject({
      action: 'member.joined',
      actor: { userId: joined.body.user.id, displayName: 'Joiner' },
    });
    expect(JSON.stringify(events)).not.toContain(secret);
  });

  it('pages newest first without gaps or repeats', async () => {
    for (let index = 0; index < 5; index++) {
      await adminBrowser
        .post(`/api/workspaces/${slug}/members`)
        .send({ email: `paged-${index}@example.com`, role: 'viewer', invite: true })
        .expect(201);
    }
    const everything = await allEvents();
    expect(everything.length).toBeGreaterThan(8);
    const paged: AuditEvent[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { limit: '3', ...(cursor ? { cursor } : {}) };
      const response = await adminBrowser
        .get(`/api/workspaces/${slug}/audit-events`)
        .query(query)
        .expect(200);
      const page = auditEventPageSchema.parse(response.body);
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged.map((event) => event.id)).toEqual(everything.map((event) => event.id));
    const times = paged.map((event) => Date.parse(event.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('commits the event with the write, or neither', async () => {
    const { dataSource } = testApp;
    await dataSource.query(`
      CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql
        AS $$ BEGIN RAISE EXCEPTION 'audit log unavailable'; END $$`);
    await dataSource.query(
      `CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION refuse_audit()`,
    );
    try {
      const before = await countRows(testApp);
      await adminBrowser
        .post(`/api/workspaces/${slug}/members`)
        .send({ email: 'unaudited@example.com', role: 'viewer', password: TEST_PASSWORD })
        .expect(500);
      expect(await countRows(testApp)).toEqual(before);
    } finally {
      await dataSource.query(`DROP TRIGGER refuse_audit ON audit_event`);
      await dataSource.query(`DROP FUNCTION refuse_audit()`);
    }
  });
});
