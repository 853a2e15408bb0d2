import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { apiTokenPageSchema, createdTokenResponseSchema, problemSchema } from '@bearing/contracts';
import { hashSecret } from '../src/common/secrets/secret-token.js';
import {
  type Browser,
  createMember,
  createToken,
  createUser,
  createWorkspace,
  signIn,
  type TestUser,
  type TestWorkspace,
} from './support/factories.js';
import { ProbeModule } from './support/probe.module.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('API tokens', () => {
  let testApp: TestApp;
  let workspace: TestWorkspace;
  let editor: TestUser;
  let editorBrowser: Browser;

  beforeAll(async () => {
    testApp = await createTestApp({}, [ProbeModule]);
    workspace = await createWorkspace(testApp, await createUser(testApp));
    editor = await createMember(testApp, workspace, 'editor');
    editorBrowser = await signIn(testApp, editor);
  });
  afterAll(async () => {
    await testApp.close();
  });

  const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });
  const probe = (role: string) => `/api/workspaces/${workspace.slug}/probe/${role}`;

  async function create(agent: Browser, body: Record<string, unknown> = {}) {
    const response = await agent
      .post('/api/me/tokens')
      .send({
        name: 'warehouse',
        workspace: workspace.slug,
        scope: 'read',
        expiresInDays: 30,
        ...body,
      })
      .expect(201);
    return createdTokenResponseSchema.parse(response.body);
  }

  it('shows the secret once and stores only its hash', async () => {
    const created = await create(editorBrowser, { scope: 'write', expiresInDays: 365 });
    expect(created.token).toMatch(/^brg_[\w-]{43}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    expect(created).toMatchObject({ scope: 'write', owner: { id: editor.id }, lastUsedAt: null });
    const [row] = await testApp.dataSource.query(`SELECT token_hash FROM api_token WHERE id = $1`, [
      created.id,
    ]);
    expect(row.token_hash).toBe(hashSecret(created.token));
    const listed = await editorBrowser.get('/api/me/tokens').expect(200);
    expect(listed.text).not.toContain(created.token.slice(created.prefix.length));
    expect(apiTokenPageSchema.parse(listed.body).items[0]).not.toHaveProperty('token');
  });

  it('expires within 1 to 365 days', async () => {
    for (const expiresInDays of [0, 366, 1.5]) {
      const response = await editorBrowser
        .post('/api/me/tokens')
        .send({ name: 'x', workspace: workspace.slug, scope: 'read', expiresInDays })
        .expect(400);
      expect(problemSchema.parse(response.body).errors?.[0]?.path).toBe('expiresInDays');
    }
  });

  it('acts as a viewer with read scope and as an editor with write scope, never as an admin', async () => {
    const read = await create(editorBrowser, { scope: 'read' });
    const write = await create(editorBrowser, { scope: 'write' });
    const viewerRole = await testApp.http.get(probe('viewer')).set(bearer(read.token)).expect(200);
    expect(viewerRole.body).toEqual({ role: 'viewer' });
    await testApp.http.post(probe('editor')).set(bearer(read.token)).expect(403);
    const editorRole = await testApp.http
      .post(probe('editor'))
      .set(bearer(write.token))
      .expect(200);
    expect(editorRole.body).toEqual({ role: 'editor' });
    await testApp.http.post(probe('admin')).set(bearer(write.token)).expect(403);

    const admin = await createMember(testApp, workspace, 'admin');
    const adminWrite = await createToken(testApp, admin, workspace, 'write');
    await testApp.http.post(probe('admin')).set(bearer(adminWrite.secret)).expect(403);
  });

  it('never carries more than its owner’s current role', async () => {
    const owner = await createMember(testApp, workspace, 'editor');
    const token = await createToken(testApp, owner, workspace, 'write');
    await testApp.http.post(probe('editor')).set(bearer(token.secret)).expect(200);
    await testApp.dataSource.query(
      `UPDATE membership SET role = 'viewer' WHERE workspace_id = $1 AND user_id = $2`,
      [workspace.id, owner.id],
    );
    await testApp.http.post(probe('editor')).set(bearer(token.secret)).expect(403);
    await testApp.http.get(probe('viewer')).set(bearer(token.secret)).expect(200);
  });

  it('lets a viewer create read tokens only', async () => {
    const viewer = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
    await create(viewer, { scope: 'read' });
    const response = await viewer
      .post('/api/me/tokens')
      .send({ name: 'x', workspace: workspace.slug, scope: 'write', expiresInDays: 1 })
      .expect(403);
    expect(problemSchema.parse(response.body).detail).toMatch(/read tokens only/);
  });

  it('works only in its own workspace, even where its owner is a member too', async () => {
    const other = await createWorkspace(testApp, editor);
    const token = await createToken(testApp, editor, workspace, 'write');
    await testApp.http
      .get(`/api/workspaces/${other.slug}/probe/viewer`)
      .set(bearer(token.secret))
      .expect(404);
    await testApp.http
      .get(`/api/workspaces/${other.slug}/members`)
      .set(bearer(token.secret))
      .expect(404);
  });

  it('fails with 401 once revoked or expired', async () => {
    const revoked = await create(editorBrowser);
    await testApp.http.get(probe('viewer')).set(bearer(revoked.token)).expect(200);
    await editorBrowser.delete(`/api/me/tokens/${revoked.id}`).expect(204);
    await testApp.http.get(probe('viewer')).set(bearer(revoked.token)).expect(401);

    const expired = await create(editorBrowser);
    await testApp.dataSource.query(
      `UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [expired.id],
    );
    const response = await testApp.http.get(probe('viewer')).set(bearer(expired.token)).expect(401);
    expect(problemSchema.parse(response.body).detail).toMatch(/expired or was revoked/);
  });

  it('records its last use, and lists its owner’s unrevoked tokens newest first', async () => {
    const owner = await createMember(testApp, workspace, 'viewer');
    const ownerBrowser = await signIn(testApp, owner);
    const older = await create(ownerBrowser, { name: 'older' });
    const used = await create(ownerBrowser, { name: 'used' });
    const gone = await create(ownerBrowser, { name: 'gone' });
    await ownerBrowser.delete(`/api/me/tokens/${gone.id}`).expect(204);
    await testApp.http.get(probe('viewer')).set(bearer(used.token)).expect(200);

    const first = apiTokenPageSchema.parse(
      (await ownerBrowser.get('/api/me/tokens').query({ limit: 1 }).expect(200)).body,
    );
    expect(first.items.map((token) => token.name)).toEqual(['used']);
    expect(first.items[0]?.lastUsedAt).not.toBeNull();
    const second = apiTokenPageSchema.parse(
      (
        await ownerBrowser
          .get('/api/me/tokens')
          .query({ limit: 1, cursor: first.nextCursor ?? '' })
          .expect(200)
      ).body,
    );
    expect(second).toMatchObject({ items: [{ id: older.id, lastUsedAt: null }], nextCursor: null });
  });

  it('refuses to revoke somebody else’s token through /me', async () => {
    const token = await createToken(
      testApp,
      await createMember(testApp, workspace, 'viewer'),
      workspace,
      'read',
    );
    await editorBrowser.delete(`/api/me/tokens/${token.id}`).expect(404);
    await testApp.http.get(probe('viewer')).set(bearer(token.secret)).expect(200);
  });

  it('lets admins list and revoke every member’s token in their workspace', async () => {
    const admin = await signIn(testApp, await createMember(testApp, workspace, 'admin'));
    const token = await create(editorBrowser, { name: 'to be revoked by an admin' });
    const listed = apiTokenPageSchema.parse(
      (
        await admin
          .get(`/api/workspaces/${workspace.slug}/tokens`)
          .query({ limit: 200 })
          .expect(200)
      ).body,
    );
    expect(listed.items).toContainEqual(
      expect.objectContaining({ id: token.id, owner: expect.objectContaining({ id: editor.id }) }),
    );
    await admin.delete(`/api/workspaces/${workspace.slug}/tokens/${token.id}`).expect(204);
    await testApp.http.get(probe('viewer')).set(bearer(token.token)).expect(401);
  });

  it('limits token creation to 20 an hour per user', async () => {
    const busy = await signIn(testApp, await createMember(testApp, workspace, 'viewer'));
    for (let created = 1; created <= 20; created++) await create(busy, { name: `t${created}` });
    const refused = await busy
      .post('/api/me/tokens')
      .send({ name: 't21', workspace: workspace.slug, scope: 'read', expiresInDays: 1 })
      .expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
  });
});
