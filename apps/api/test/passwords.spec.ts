import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  PASSWORD_RESET_ACCEPTED,
  meResponseSchema,
  pendingPasswordResetListSchema,
  problemSchema,
} from '@bearing/contracts';
import { Access, OpenBeforePasswordChange } from '../src/access/access.decorator.js';
import { discoverRoutes } from '../src/common/openapi/route-discovery.js';
import { makeInstanceAdmin, requirePasswordChange } from '../src/accounts/user-admin.repository.js';
import {
  type PasswordResetLink,
  PasswordResetLinks,
} from '../src/auth/password-reset/password-reset-links.service.js';
import { ClockService } from '../src/common/clock/clock.service.js';
import { ModulesContainer, Reflector } from '@nestjs/core';
import {
  browser,
  type Browser,
  countRows,
  createUser,
  createWorkspace,
  signIn,
  type TestUser,
} from './support/factories.js';
import { fillPath, request } from './support/routes.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const NEW_PASSWORD = 'quokka fjord lantern 1897';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(async () => {
  await testApp.close();
});
afterEach(() => {
  jest.restoreAllMocks();
});

const canSignIn = (user: TestUser, password: string) =>
  browser(testApp).post('/api/auth/sign-in').send({ email: user.email, password });

const liveSessions = async (userId: string) =>
  Number(
    (
      await testApp.dataSource.query<{ count: string }[]>(
        `SELECT count(*) FROM session WHERE user_id = $1 AND revoked_at IS NULL`,
        [userId],
      )
    )[0]?.count,
  );

describe('POST /api/me/password', () => {
  it('changes the password, ends the other sessions and keeps this one', async () => {
    const user = await createUser(testApp);
    const laptop = await signIn(testApp, user);
    const phone = await signIn(testApp, user);
    await laptop
      .post('/api/me/password')
      .send({ currentPassword: user.password, newPassword: NEW_PASSWORD })
      .expect(204);
    await laptop.get('/api/me').expect(200);
    await phone.get('/api/me').expect(401);
    expect(await liveSessions(user.id)).toBe(1);
    await canSignIn(user, user.password).expect(401);
    await canSignIn(user, NEW_PASSWORD).expect(200);
  });

  it('refuses a wrong current password with a 400 naming currentPassword, changing nothing', async () => {
    const user = await createUser(testApp);
    const laptop = await signIn(testApp, user);
    const phone = await signIn(testApp, user);
    const before = await countRows(testApp);
    const response = await laptop
      .post('/api/me/password')
      .send({ currentPassword: 'not my password at all', newPassword: NEW_PASSWORD })
      .expect(400);
    expect(problemSchema.parse(response.body).errors).toEqual([
      { path: 'currentPassword', message: 'is not your current password' },
    ]);
    expect(await countRows(testApp)).toEqual(before);
    await phone.get('/api/me').expect(200);
    await canSignIn(user, user.password).expect(200);
  });

  it.each([
    ['password1234', 'is one of the most common passwords, or too close to one'],
    ['aaaaaaaaaaaa', 'repeats the same characters: it is easy to guess'],
    ['short one', 'must be at least 12 characters'],
  ])('refuses %j as the new password: it %s', async (newPassword, message) => {
    const user = await createUser(testApp);
    const agent = await signIn(testApp, user);
    const response = await agent
      .post('/api/me/password')
      .send({ currentPassword: user.password, newPassword })
      .expect(400);
    expect(problemSchema.parse(response.body).errors).toEqual([{ path: 'newPassword', message }]);
    await canSignIn(user, user.password).expect(200);
  });

  it('refuses the user’s own email as the new password', async () => {
    const user = await createUser(testApp, { email: `own-email-${randomUUID()}@example.com` });
    const agent = await signIn(testApp, user);
    const response = await agent
      .post('/api/me/password')
      .send({ currentPassword: user.password, newPassword: user.email })
      .expect(400);
    expect(problemSchema.parse(response.body).errors).toEqual([
      { path: 'newPassword', message: 'contains your email address' },
    ]);
  });

  it('is for browser sessions only, not API tokens', async () => {
    await testApp.http
      .post('/api/me/password')
      .set('Authorization', 'Bearer brg_forged')
      .send({ currentPassword: 'x', newPassword: NEW_PASSWORD })
      .expect(401);
  });
});

describe('a password someone else chose', () => {
  let user: TestUser;
  let agent: Browser;

  beforeAll(async () => {
    user = await createUser(testApp);
    await createWorkspace(testApp, user);
    await requirePasswordChange(testApp.dataSource.manager, user.id);
    agent = await signIn(testApp, user);
  });

  it('shows in me.user.mustChangePassword', async () => {
    const me = meResponseSchema.parse((await agent.get('/api/me').expect(200)).body);
    expect(me.user.mustChangePassword).toBe(true);
  });

  it('closes every route not marked open for it with 403 password-change-required', async () => {
    const reflector = testApp.app.get(Reflector);
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
    const closed = discoverRoutes(testApp.app.get(ModulesContainer)).filter((route) => {
      const open = reflector.get(OpenBeforePasswordChange, route.handler) === true;
      // Public routes and the Jira webhook (called by Jira, never with a session) have no caller.
      const rule = reflector.get(Access, route.handler);
      return rule !== 'public' && rule !== 'webhook' && !open;
    });
    expect(closed.length).toBeGreaterThan(20);
    const before = await countRows(testApp);
    for (const route of closed) {
      const response = await request(agent, route.method, fillPath(route.path, values)).send({});
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 403,
      });
      expect(problemSchema.parse(response.body).type).toMatch(/\/password-change-required$/);
    }
    expect(await countRows(testApp)).toEqual(before);
  });

  it('opens everything again once the user chose their own', async () => {
    await agent.get('/api/me/sessions').expect(200);
    await agent
      .post('/api/me/password')
      .send({ currentPassword: user.password, newPassword: NEW_PASSWORD })
      .expect(204);
    const me = meResponseSchema.parse((await agent.get('/api/me').expect(200)).body);
    expect(me.user.mustChangePassword).toBe(false);
    await agent.get('/api/workspaces').expect(200);
  });
});

describe('password reset', () => {
  /** Catches the links the API would send: the test plays the person reading their email. */
  function catchLinks(): PasswordResetLink[] {
    const links: PasswordResetLink[] = [];
    jest
      .spyOn(testApp.app.get(PasswordResetLinks), 'deliver')
      .mockImplementation((link: PasswordResetLink) => {
        links.push(link);
        return Promise.resolve();
      });
    return links;
  }
  const tokenOf = (link: PasswordResetLink | undefined) => {
    const token = /#token=([\w-]+)$/.exec(link?.url ?? '')?.[1];
    if (!token) throw new Error(`no token in ${link?.url}`);
    return token;
  };
  const ask = (email: string, ip = '198.51.100.200') =>
    browser(testApp).post('/api/auth/password-reset').set('X-Forwarded-For', ip).send({ email });
  const confirm = (token: string, password: string) =>
    browser(testApp).post('/api/auth/password-reset/confirm').send({ token, password });

  it('answers known and unknown emails byte for byte the same, and only the account gets a link', async () => {
    const links = catchLinks();
    const user = await createUser(testApp);
    const known = await ask(user.email).expect(202);
    const unknown = await ask(`nobody-${randomUUID()}@example.com`).expect(202);
    expect(known.text).toBe(unknown.text);
    expect(known.headers['content-type']).toBe(unknown.headers['content-type']);
    expect(known.body).toEqual(PASSWORD_RESET_ACCEPTED);
    expect(links.map((link) => link.email)).toEqual([user.email]);
    expect(links[0]?.url).toMatch(/^http:\/\/bearing\.test\/reset-password#token=/);
  });

  it('sets the password once with the link, ending every session; the link then stops working', async () => {
    const links = catchLinks();
    const user = await createUser(testApp);
    const session = await signIn(testApp, user);
    await ask(user.email).expect(202);
    const token = tokenOf(links[0]);
    await confirm(token, NEW_PASSWORD).expect(204);
    await session.get('/api/me').expect(401);
    expect(await liveSessions(user.id)).toBe(0);
    await canSignIn(user, NEW_PASSWORD).expect(200);
    const replay = await confirm(token, 'another fine passphrase 77').expect(400);
    expect(problemSchema.parse(replay.body).errors?.[0]?.path).toBe('token');
    await canSignIn(user, NEW_PASSWORD).expect(200);
  });

  it('stores only the hash of the link and never writes it to the audit log', async () => {
    const links = catchLinks();
    const user = await createUser(testApp);
    await ask(user.email).expect(202);
    const token = tokenOf(links[0]);
    const everything = JSON.stringify(
      await testApp.dataSource.query(
        `SELECT (SELECT json_agg(r) FROM password_reset r) AS resets,
                (SELECT json_agg(a) FROM audit_event a) AS audit`,
      ),
    );
    expect(everything).not.toContain(token);
    expect(everything).toContain('account.password-reset-requested');
  });

  it('refuses an expired link (30 minutes)', async () => {
    const links = catchLinks();
    const user = await createUser(testApp);
    await ask(user.email).expect(202);
    const clock = testApp.app.get(ClockService);
    const later = new Date(Date.now() + 31 * 60 * 1000);
    jest.spyOn(clock, 'now').mockReturnValue(later);
    await confirm(tokenOf(links[0]), NEW_PASSWORD).expect(400);
    await canSignIn(user, user.password).expect(200);
  });

  it('works within the 30 minutes', async () => {
    const links = catchLinks();
    const user = await createUser(testApp);
    await ask(user.email).expect(202);
    jest
      .spyOn(testApp.app.get(ClockService), 'now')
      .mockReturnValue(new Date(Date.now() + 29 * 60 * 1000));
    await confirm(tokenOf(links[0]), NEW_PASSWORD).expect(204);
  });

  it('changes only the account the link was made for', async () => {
    const links = catchLinks();
    const owner = await createUser(testApp);
    const bystander = await createUser(testApp);
    await ask(owner.email).expect(202);
    await confirm(tokenOf(links[0]), NEW_PASSWORD).expect(204);
    await canSignIn(bystander, bystander.password).expect(200);
    await canSignIn(bystander, NEW_PASSWORD).expect(401);
    await canSignIn(owner, NEW_PASSWORD).expect(200);
  });

  it('keeps only the newest link of an account working', async () => {
    const links = catchLinks();
    const user = await createUser(testApp);
    await ask(user.email).expect(202);
    await ask(user.email).expect(202);
    await confirm(tokenOf(links[0]), NEW_PASSWORD).expect(400);
    await confirm(tokenOf(links[1]), NEW_PASSWORD).expect(204);
  });

  it('applies the policy to the new password (400 naming password) and keeps the link usable', async () => {
    const links = catchLinks();
    const user = await createUser(testApp);
    await ask(user.email).expect(202);
    const refused = await confirm(tokenOf(links[0]), 'password1234').expect(400);
    expect(problemSchema.parse(refused.body).errors).toEqual([
      { path: 'password', message: 'is one of the most common passwords, or too close to one' },
    ]);
    await confirm(tokenOf(links[0]), NEW_PASSWORD).expect(204);
  });

  it('refuses a forged link', async () => {
    const response = await confirm('forged-token', NEW_PASSWORD).expect(400);
    expect(problemSchema.parse(response.body).errors?.[0]?.path).toBe('token');
  });

  it('makes at most three links per email in 15 minutes, still answering 202', async () => {
    const links = catchLinks();
    const user = await createUser(testApp);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await ask(user.email, `198.51.100.${attempt}`).expect(202);
      expect(response.body).toEqual(PASSWORD_RESET_ACCEPTED);
    }
    expect(links).toHaveLength(3);
  });

  it('holds the link for instance admins only, sealed, until it is used', async () => {
    const user = await createUser(testApp);
    await ask(user.email, '198.51.100.201').expect(202);
    const admin = await createUser(testApp);
    await makeInstanceAdmin(testApp.dataSource.manager, admin.id);
    const adminBrowser = await signIn(testApp, admin);
    const listed = pendingPasswordResetListSchema.parse(
      (await adminBrowser.get('/api/admin/password-resets').expect(200)).body,
    );
    const held = listed.items.find((item) => item.user.id === user.id);
    const token = /#token=([\w-]+)$/.exec(held?.url ?? '')?.[1];
    if (!token) throw new Error('no link held for the user');
    const [row]: { sealed_token: string }[] = await testApp.dataSource.query(
      `SELECT sealed_token FROM password_reset WHERE user_id = $1`,
      [user.id],
    );
    expect(row?.sealed_token).not.toContain(token);

    await (await signIn(testApp, user)).get('/api/admin/password-resets').expect(403);
    await confirm(token, NEW_PASSWORD).expect(204);
    const after = pendingPasswordResetListSchema.parse(
      (await adminBrowser.get('/api/admin/password-resets').expect(200)).body,
    );
    expect(after.items.map((item) => item.user.id)).not.toContain(user.id);
  });

  it('limits requests from one address with 429', async () => {
    catchLinks();
    for (let attempt = 1; attempt <= 10; attempt++) {
      await ask(`someone-${attempt}@example.com`, '192.0.2.77').expect(202);
    }
    await ask('someone-11@example.com', '192.0.2.77').expect(429);
  });
});

describe('the policy wherever someone else sets a password', () => {
  it('refuses a weak initial password from an instance admin (400 naming password)', async () => {
    const admin = await createUser(testApp);
    await makeInstanceAdmin(testApp.dataSource.manager, admin.id);
    const workspace = await createWorkspace(testApp, admin);
    const agent = await signIn(testApp, admin);
    const before = await countRows(testApp);
    const response = await agent
      .post(`/api/workspaces/${workspace.slug}/members`)
      .send({ email: `new-${randomUUID()}@example.com`, role: 'viewer', password: 'password1234' })
      .expect(400);
    expect(problemSchema.parse(response.body).errors).toEqual([
      { path: 'password', message: 'is one of the most common passwords, or too close to one' },
    ]);
    expect(await countRows(testApp)).toEqual(before);
  });

  it('makes an account with a good initial password change it at first sign-in', async () => {
    const admin = await createUser(testApp);
    await makeInstanceAdmin(testApp.dataSource.manager, admin.id);
    const workspace = await createWorkspace(testApp, admin);
    const agent = await signIn(testApp, admin);
    const email = `made-${randomUUID()}@example.com`;
    await agent
      .post(`/api/workspaces/${workspace.slug}/members`)
      .send({ email, role: 'viewer', password: NEW_PASSWORD })
      .expect(201);
    const signedIn = await browser(testApp)
      .post('/api/auth/sign-in')
      .send({ email, password: NEW_PASSWORD })
      .expect(200);
    expect(meResponseSchema.parse(signedIn.body).user.mustChangePassword).toBe(true);
  });

  it('refuses a weak password when accepting an invitation', async () => {
    const admin = await createUser(testApp);
    const workspace = await createWorkspace(testApp, admin);
    const agent = await signIn(testApp, admin);
    const email = `invited-${randomUUID()}@example.com`;
    const invited = await agent
      .post(`/api/workspaces/${workspace.slug}/members`)
      .send({ email, role: 'viewer', invite: true })
      .expect(201);
    const token = String(invited.body.invitation.url).split('/').pop();
    const response = await browser(testApp)
      .post('/api/auth/accept-invite')
      .send({ token, displayName: 'Invited Person', password: email })
      .expect(400);
    expect(problemSchema.parse(response.body).errors).toEqual([
      { path: 'password', message: 'contains your email address' },
    ]);
  });
});
