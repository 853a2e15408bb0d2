import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  adminUserSchema,
  auditEventPageSchema,
  problemSchema,
  revokedSessionsSchema,
} from '@bearing/contracts';
import { makeInstanceAdmin, requirePasswordChange } from '../src/accounts/user-admin.repository.js';
import {
  browser,
  type Browser,
  countRows,
  createToken,
  createUser,
  createWorkspace,
  signIn,
  type TestUser,
} from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

let testApp: TestApp;
let admin: TestUser;
let adminBrowser: Browser;

beforeAll(async () => {
  testApp = await createTestApp();
  admin = await createUser(testApp);
  await makeInstanceAdmin(testApp.dataSource.manager, admin.id);
  adminBrowser = await signIn(testApp, admin);
});
afterAll(async () => {
  await testApp.close();
});

const instanceEvents = async () =>
  auditEventPageSchema.parse(
    (await adminBrowser.get('/api/admin/audit-events?limit=100').expect(200)).body,
  ).items;

const liveSessions = async (userId: string) =>
  Number(
    (
      await testApp.dataSource.query<{ count: string }[]>(
        `SELECT count(*) FROM session WHERE user_id = $1 AND revoked_at IS NULL`,
        [userId],
      )
    )[0]?.count,
  );

describe('a second instance admin', () => {
  it('is made and unmade by an instance admin, recorded, and the last one is never removed', async () => {
    const second = await createUser(testApp);
    const made = adminUserSchema.parse(
      (
        await adminBrowser
          .patch(`/api/admin/users/${second.id}`)
          .send({ instanceAdmin: true })
          .expect(200)
      ).body,
    );
    expect(made).toMatchObject({ id: second.id, instanceAdmin: true, active: true });
    const secondBrowser = await signIn(testApp, second);
    await secondBrowser.get('/api/admin/users').expect(200);

    // The second admin takes it away from the first: allowed, one remains.
    await secondBrowser
      .patch(`/api/admin/users/${admin.id}`)
      .send({ instanceAdmin: false })
      .expect(200);
    await adminBrowser.get('/api/admin/users').expect(403);
    // Now the second is the last one: not even they can step down.
    const before = await countRows(testApp);
    const refused = await secondBrowser
      .patch(`/api/admin/users/${second.id}`)
      .send({ instanceAdmin: false })
      .expect(409);
    expect(problemSchema.parse(refused.body).type).toMatch(/\/last-instance-admin$/);
    expect(await countRows(testApp)).toEqual(before);
    await secondBrowser
      .patch(`/api/admin/users/${admin.id}`)
      .send({ instanceAdmin: true })
      .expect(200);

    const events = (await instanceEvents()).map((event) => [event.action, event.targetId]);
    expect(events).toEqual(
      expect.arrayContaining([
        ['account.instance-admin-granted', second.id],
        ['account.instance-admin-revoked', admin.id],
        ['account.instance-admin-granted', admin.id],
      ]),
    );
  });

  it('is refused to anyone else, and a body naming nothing is a 400', async () => {
    const someone = await createUser(testApp);
    const theirBrowser = await signIn(testApp, someone);
    await theirBrowser
      .patch(`/api/admin/users/${someone.id}`)
      .send({ instanceAdmin: true })
      .expect(403);
    const empty = await adminBrowser.patch(`/api/admin/users/${someone.id}`).send({}).expect(400);
    expect(problemSchema.parse(empty.body).errors?.[0]?.path).toBe('active');
  });
});

describe('ending sessions', () => {
  it("lets an instance admin sign a user out everywhere, keeping the user's API tokens", async () => {
    const user = await createUser(testApp);
    const laptop = await signIn(testApp, user);
    const phone = await signIn(testApp, user);
    const token = await createToken(testApp, user, await createWorkspace(testApp, user), 'read');
    const answer = revokedSessionsSchema.parse(
      (await adminBrowser.delete(`/api/admin/users/${user.id}/sessions`).expect(200)).body,
    );
    expect(answer).toEqual({ revoked: 2 });
    await laptop.get('/api/me').expect(401);
    await phone.get('/api/me').expect(401);
    await testApp.http
      .get('/api/me/invitations')
      .set('Authorization', `Bearer ${token.secret}`)
      .expect(403);
    expect(await instanceEvents()).toContainEqual(
      expect.objectContaining({
        action: 'account.sessions-revoked',
        targetId: user.id,
        details: expect.objectContaining({ revoked: 2, by: 'instance-admin' }),
      }),
    );
    await (await signIn(testApp, user)).delete(`/api/admin/users/${admin.id}/sessions`).expect(403);
  });

  it('lets a user sign out everywhere, this browser included', async () => {
    const user = await createUser(testApp);
    const laptop = await signIn(testApp, user);
    const phone = await signIn(testApp, user);
    const response = await laptop.post('/api/me/sessions/revoke-all').expect(200);
    expect(revokedSessionsSchema.parse(response.body)).toEqual({ revoked: 2 });
    expect(String(response.headers['set-cookie'])).toMatch(/bearing_session=;/);
    await laptop.get('/api/me').expect(401);
    await phone.get('/api/me').expect(401);
    expect(await liveSessions(user.id)).toBe(0);
  });
});

describe('a password someone else chose', () => {
  it('holds back sessions until it is changed, not the API tokens the owner made before', async () => {
    const user = await createUser(testApp);
    const workspace = await createWorkspace(testApp, user);
    const token = await createToken(testApp, user, workspace, 'read');
    await requirePasswordChange(testApp.dataSource.manager, user.id);
    const session = await signIn(testApp, user);
    await session.get(`/api/workspaces/${workspace.slug}/teams`).expect(403);
    await testApp.http
      .get(`/api/workspaces/${workspace.slug}/teams`)
      .set('Authorization', `Bearer ${token.secret}`)
      .expect(200);
  });
});

describe('held password-reset links', () => {
  it('records every look, naming whose links were shown', async () => {
    const user = await createUser(testApp);
    await browser(testApp).post('/api/auth/password-reset').send({ email: user.email }).expect(202);
    await adminBrowser.get('/api/admin/password-resets').expect(200);
    const viewed = (await instanceEvents()).find(
      (event) => event.action === 'password-resets.viewed',
    );
    expect(viewed?.actor.userId).toBe(admin.id);
    expect(viewed?.details.emails).toContain(user.email);
  });
});

describe('failed sign-ins', () => {
  it('are instance audit events, an unknown email too, while the answers stay the same', async () => {
    const user = await createUser(testApp);
    const wrongPassword = await browser(testApp)
      .post('/api/auth/sign-in')
      .send({ email: user.email, password: 'not the password at all' })
      .expect(401);
    const unknownEmail = await browser(testApp)
      .post('/api/auth/sign-in')
      .send({ email: 'nobody-here@example.com', password: 'not the password at all' })
      .expect(401);
    const withoutRequestId = (text: string) => text.replace(/"requestId":"[^"]*"/, '');
    expect(withoutRequestId(wrongPassword.text)).toBe(withoutRequestId(unknownEmail.text));

    const failures = (await instanceEvents())
      .filter((event) => event.action === 'session.sign-in-failed')
      .map((event) => ({
        actor: event.actor.userId,
        targetId: event.targetId,
        email: event.details.email,
        reason: event.details.reason,
      }));
    expect(failures).toEqual(
      expect.arrayContaining([
        { actor: null, targetId: user.id, email: user.email, reason: 'wrong-password' },
        {
          actor: null,
          targetId: null,
          email: 'nobody-here@example.com',
          reason: 'unknown-email',
        },
      ]),
    );
  });
});
