import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { meResponseSchema, problemSchema } from '@bearing/contracts';
import { hashSecret } from '../src/common/secrets/secret-token.js';
import {
  browser,
  createToken,
  createUser,
  createWorkspace,
  signIn,
  TEST_ORIGIN,
  type TestUser,
} from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { writeInstanceSettings } from '../src/instance-settings/instance-settings.repository.js';

const SESSION_COOKIE = /^bearing_session=([^;]*);/;

function sessionCookieOf(response: { headers: Record<string, unknown> }): string {
  const cookies = (response.headers['set-cookie'] as string[] | undefined) ?? [];
  const cookie = cookies.find((candidate) => SESSION_COOKIE.test(candidate));
  if (!cookie) throw new Error('no session cookie was set');
  return cookie;
}

let ipSequence = 0;
/** Each test signs in from its own address, so rate-limit counters never leak between tests. */
const nextIp = () => `203.0.113.${++ipSequence}`;

describe('signing in and out', () => {
  let testApp: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    testApp = await createTestApp();
    user = await createUser(testApp);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('answers with the user and their workspaces, and sets a locked-down session cookie', async () => {
    const workspace = await createWorkspace(testApp, user);
    const response = await browser(testApp)
      .post('/api/auth/sign-in')
      .send({ email: user.email.toUpperCase(), password: user.password })
      .expect(200);
    expect(meResponseSchema.parse(response.body)).toEqual({
      user: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        instanceAdmin: false,
        mustChangePassword: false,
        mfaEnabled: false,
        mfaEnrolmentRequired: false,
      },
      preferences: { audience: 'executive' },
      canCreateWorkspaces: false,
      workspaces: [{ id: workspace.id, slug: workspace.slug, name: workspace.name, role: 'admin' }],
    });
    const cookie = sessionCookieOf(response);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Secure/);
    const expires = Date.parse(/Expires=([^;]+)/.exec(cookie)?.[1] ?? '');
    expect(expires - Date.now()).toBeGreaterThan(29 * 24 * 60 * 60 * 1000);
  });

  it('marks the cookie Secure when a trusted proxy says the request came over https', async () => {
    const response = await browser(testApp)
      .post('/api/auth/sign-in')
      .set('X-Forwarded-Proto', 'https')
      .set('Origin', TEST_ORIGIN.replace('http:', 'https:'))
      .send({ email: user.email, password: user.password })
      .expect(200);
    expect(sessionCookieOf(response)).toMatch(/; Secure/);
  });

  it('stores only a hash of the session secret', async () => {
    const response = await browser(testApp)
      .post('/api/auth/sign-in')
      .send({ email: user.email, password: user.password })
      .expect(200);
    const secret = SESSION_COOKIE.exec(sessionCookieOf(response))?.[1] ?? '';
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    const stored = await testApp.dataSource.query(
      `SELECT count(*)::int AS count FROM session WHERE token_hash = $1`,
      [hashSecret(secret)],
    );
    expect(stored[0].count).toBe(1);
    const leaked = await testApp.dataSource.query(
      `SELECT count(*)::int AS count FROM session WHERE token_hash = $1`,
      [secret],
    );
    expect(leaked[0].count).toBe(0);
  });

  it('hashes passwords with argon2id at OWASP parameters', async () => {
    const [row] = await testApp.dataSource.query(`SELECT password_hash FROM "user" WHERE id = $1`, [
      user.id,
    ]);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('gives the same 401 for a wrong password and for an unknown email', async () => {
    const ip = nextIp();
    const wrongPassword = await browser(testApp)
      .post('/api/auth/sign-in')
      .set('X-Forwarded-For', ip)
      .send({ email: user.email, password: 'not the password at all' })
      .expect(401);
    const unknownEmail = await browser(testApp)
      .post('/api/auth/sign-in')
      .set('X-Forwarded-For', ip)
      .send({ email: 'nobody@example.com', password: 'not the password at all' })
      .expect(401);
    const { instance: _a, requestId: _b, ...first } = problemSchema.parse(wrongPassword.body);
    const { instance: _c, requestId: _d, ...second } = problemSchema.parse(unknownEmail.body);
    expect(first).toEqual(second);
    expect(wrongPassword.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a disabled account, and ends its sessions', async () => {
    const disabled = await createUser(testApp);
    const agent = await signIn(testApp, disabled);
    await testApp.dataSource.query(`UPDATE "user" SET disabled_at = now() WHERE id = $1`, [
      disabled.id,
    ]);
    await agent.get('/api/me').expect(401);
    await browser(testApp)
      .post('/api/auth/sign-in')
      .set('X-Forwarded-For', nextIp())
      .send({ email: disabled.email, password: disabled.password })
      .expect(401);
  });

  it('signs out: the session is revoked and the cookie cleared', async () => {
    const signedIn = await browser(testApp)
      .post('/api/auth/sign-in')
      .send({ email: user.email, password: user.password })
      .expect(200);
    const cookie = sessionCookieOf(signedIn).split(';')[0] ?? '';
    const response = await browser(testApp)
      .post('/api/auth/sign-out')
      .set('Cookie', cookie)
      .expect(204);
    expect(sessionCookieOf(response)).toMatch(/^bearing_session=;.*Expires=Thu, 01 Jan 1970/);
    await browser(testApp).get('/api/me').set('Cookie', cookie).expect(401);
    const [row] = await testApp.dataSource.query(
      `SELECT revoked_at IS NOT NULL AS revoked FROM session WHERE token_hash = $1`,
      [hashSecret(SESSION_COOKIE.exec(cookie + ';')?.[1] ?? '')],
    );
    expect(row.revoked).toBe(true);
  });

  it('rotates the session on sign-in: the previous one stops working', async () => {
    const first = await browser(testApp)
      .post('/api/auth/sign-in')
      .send({ email: user.email, password: user.password })
      .expect(200);
    const oldCookie = sessionCookieOf(first).split(';')[0] ?? '';
    const second = await browser(testApp)
      .post('/api/auth/sign-in')
      .set('Cookie', oldCookie)
      .send({ email: user.email, password: user.password })
      .expect(200);
    const newCookie = sessionCookieOf(second).split(';')[0] ?? '';
    expect(newCookie).not.toBe(oldCookie);
    await browser(testApp).get('/api/me').set('Cookie', oldCookie).expect(401);
    await browser(testApp).get('/api/me').set('Cookie', newCookie).expect(200);
  });

  it('ends a session after its idle expiry and after its absolute expiry', async () => {
    const idle = await signIn(testApp, user);
    const absolute = await signIn(testApp, user);
    const sessions: { id: string }[] = await testApp.dataSource.query(
      `SELECT id FROM session WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC LIMIT 2`,
      [user.id],
    );
    const [absoluteSession, idleSession] = sessions;
    await testApp.dataSource.query(
      `UPDATE session SET idle_expires_at = now() - interval '1 second' WHERE id = $1`,
      [idleSession?.id],
    );
    await testApp.dataSource.query(
      `UPDATE session SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [absoluteSession?.id],
    );
    await idle.get('/api/me').expect(401);
    await absolute.get('/api/me').expect(401);
  });

  it('moves the idle expiry forward as the session is used', async () => {
    const agent = await signIn(testApp, user);
    const [session] = await testApp.dataSource
      .query(
        `UPDATE session SET last_seen_at = now() - interval '2 hours',
              idle_expires_at = now() + interval '10 hours'
        WHERE user_id = $1 AND revoked_at IS NULL
          AND created_at = (SELECT max(created_at) FROM session WHERE user_id = $1)
        RETURNING id`,
        [user.id],
      )
      .then((result: [unknown[], number]) => result[0] as { id: string }[]);
    await agent.get('/api/me').expect(200);
    const [row] = await testApp.dataSource.query(
      `SELECT idle_expires_at > now() + interval '11 hours' AS extended FROM session WHERE id = $1`,
      [session?.id],
    );
    expect(row.extended).toBe(true);
  });

  it('validates the body: unknown fields are named in the problem', async () => {
    const response = await browser(testApp)
      .post('/api/auth/sign-in')
      .send({ email: 'not-an-email', password: 'x', remember: true })
      .expect(400);
    const problem = problemSchema.parse(response.body);
    expect(problem.errors?.map((error) => error.path).sort()).toEqual(['email', 'remember']);
  });
});

describe('cross-site request forgery', () => {
  let testApp: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    testApp = await createTestApp();
    user = await createUser(testApp);
    // Creating a workspace is the write under test; let any signed-in user make one.
    await writeInstanceSettings(testApp.dataSource.manager, { workspaceCreation: 'everyone' });
  });
  afterAll(async () => {
    await testApp.close();
  });

  const createWorkspaceWith = (agent: Awaited<ReturnType<typeof signIn>>, slug: string) =>
    agent.post('/api/workspaces').send({ slug, name: 'CSRF test' });

  it('refuses a cookie-authenticated write without an Origin or Referer', async () => {
    const agent = await signIn(testApp, user);
    const response = await createWorkspaceWith(agent, 'no-origin').unset('Origin').expect(403);
    expect(problemSchema.parse(response.body).detail).toMatch(/Cross-site/);
  });

  it('refuses one from a foreign origin', async () => {
    const agent = await signIn(testApp, user);
    await createWorkspaceWith(agent, 'foreign').set('Origin', 'https://evil.example').expect(403);
    await createWorkspaceWith(agent, 'null-origin').set('Origin', 'null').expect(403);
    const [row] = await testApp.dataSource.query(`SELECT count(*)::int AS count FROM workspace`);
    expect(row.count).toBe(0);
  });

  it('accepts one from this origin, or with a same-site Referer when Origin is missing', async () => {
    const agent = await signIn(testApp, user);
    await createWorkspaceWith(agent, 'same-origin').expect(201);
    await createWorkspaceWith(agent, 'by-referer')
      .unset('Origin')
      .set('Referer', `${TEST_ORIGIN}/w/same-origin`)
      .expect(201);
  });

  it('guards sign-in too, so no foreign page can sign a browser into another account', async () => {
    await browser(testApp)
      .post('/api/auth/sign-in')
      .set('Origin', 'https://evil.example')
      .send({ email: user.email, password: user.password })
      .expect(403);
  });

  it('does not apply to bearer-token requests, which carry no ambient credentials', async () => {
    const workspace = await createWorkspace(testApp, user);
    const token = await createToken(testApp, user, workspace, 'write');
    const response = await testApp.http
      .post(`/api/workspaces/${workspace.slug}/members`)
      .set('Authorization', `Bearer ${token.secret}`)
      .send({ email: 'x@example.com', role: 'viewer', invite: true })
      .expect(403);
    // Refused for its role (no token acts as an admin), not as a cross-site request.
    expect(problemSchema.parse(response.body).detail).toMatch(/needs the admin role/);
  });
});
