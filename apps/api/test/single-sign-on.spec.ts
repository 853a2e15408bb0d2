import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  addMemberResponseSchema,
  authConfigResponseSchema,
  mfaChallengeSchema,
  pendingSsoLinkListSchema,
  problemSchema,
  sessionResponseSchema,
  totpEnrolmentSchema,
} from '@bearing/contracts';
import { Secret, TOTP } from 'otpauth';
import { makeInstanceAdmin, setUserDeactivated } from '../src/accounts/user-admin.repository.js';
import { findUserByEmail } from '../src/accounts/user.repository.js';
import { AuditEvent } from '../src/audit/audit-event.entity.js';
import { ClockService } from '../src/common/clock/clock.service.js';
import { insertIdentity } from '../src/auth/oidc/oidc.repository.js';
import { SSO_PER_IP } from '../src/auth/oidc/oidc.service.js';
import type { OidcConfig } from '../src/config/config.js';
import {
  browser,
  type Browser,
  createUser,
  createWorkspace,
  signIn,
  TEST_ORIGIN,
  type TestWorkspace,
} from './support/factories.js';
import { startOidcProvider, type TestOidcProvider } from './support/oidc-provider.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const CALLBACK = `${TEST_ORIGIN}/api/auth/oidc/callback`;

function ssoConfig(provider: TestOidcProvider): OidcConfig {
  return {
    issuer: new URL(provider.issuer),
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    allowedDomains: ['example.com'],
    roleClaim: 'groups',
    roleMap: {
      engineering: { acme: 'viewer' },
      leads: { acme: 'editor', beta: 'admin' },
      operations: { 'no-such-workspace': 'admin' },
      support: { beta: 'viewer' },
    },
    adminGroup: 'bearing-admins',
  };
}

type SsoRun = { location: string; callback: URL; agent: Browser };

describe('single sign-on (OpenID Connect)', () => {
  let provider: TestOidcProvider;
  let testApp: TestApp;
  let acme: TestWorkspace;
  let beta: TestWorkspace;

  beforeAll(async () => {
    provider = await startOidcProvider(CALLBACK);
    testApp = await createTestApp({ oidc: ssoConfig(provider) });
    const owner = await createUser(testApp, { email: 'owner@example.com' });
    acme = await createWorkspace(testApp, owner, 'acme');
    beta = await createWorkspace(testApp, owner, 'beta');
  });
  afterAll(async () => {
    await testApp?.close();
    await provider?.close();
  });

  /** The whole round trip in one browser: start, the provider's form, the callback. */
  async function ssoSignIn(
    login: string,
    options: {
      agent?: Browser;
      next?: string;
      atProvider?: (authorizationUrl: URL) => void;
      backAtBearing?: (callback: URL) => void;
    } = {},
  ): Promise<SsoRun> {
    const agent = options.agent ?? browser(testApp);
    const query = options.next === undefined ? '' : `?next=${encodeURIComponent(options.next)}`;
    const start = await agent.get(`/api/auth/oidc/start${query}`).expect(302);
    const authorizationUrl = new URL(start.headers.location as string);
    expect(authorizationUrl.origin).toBe(provider.issuer);
    options.atProvider?.(authorizationUrl);
    const callback = await provider.signIn(authorizationUrl.href, login);
    expect(`${callback.origin}${callback.pathname}`).toBe(CALLBACK);
    options.backAtBearing?.(callback);
    const done = await agent.get(`${callback.pathname}${callback.search}`).expect(302);
    return { location: done.headers.location as string, callback, agent };
  }

  async function sessionOf(agent: Browser) {
    const response = await agent.get('/api/auth/session').expect(200);
    return sessionResponseSchema.parse(response.body).me;
  }

  async function lastRefusal(): Promise<AuditEvent | null> {
    return testApp.dataSource
      .getRepository(AuditEvent)
      .findOne({ where: { action: 'session.sso-refused' }, order: { createdAt: 'DESC' } });
  }

  async function expectRefused(run: SsoRun, reason: string): Promise<void> {
    expect(run.location).toBe(`/sign-in?sso-error=${reason}`);
    expect(await sessionOf(run.agent)).toBeNull();
    const refusal = await lastRefusal();
    expect(refusal).toMatchObject({ workspaceId: null, details: { reason } });
  }

  describe('configuration', () => {
    it('tells the sign-in page that SSO and password sign-in are both on', async () => {
      const response = await browser(testApp).get('/api/auth/config').expect(200);
      expect(authConfigResponseSchema.parse(response.body)).toEqual({
        sso: true,
        passwordSignIn: true,
      });
    });

    it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
      const start = await browser(testApp).get('/api/auth/oidc/start').expect(302);
      const url = new URL(start.headers.location as string);
      expect(url.searchParams.get('code_challenge_method')).toBe('S256');
      expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
      expect(url.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
      expect(url.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
      expect(url.searchParams.get('redirect_uri')).toBe(CALLBACK);
      const cookie = (start.headers['set-cookie'] as unknown as string[]).join('\n');
      expect(cookie).toMatch(/bearing_sso_attempt=[^;]+;.*HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
    });

    it('refuses a next that is not a path on this site with a 400 naming next', async () => {
      for (const next of [
        '//evil.example/w',
        'https://evil.example/',
        '/\\evil.example',
        'w/acme',
      ]) {
        const response = await browser(testApp)
          .get(`/api/auth/oidc/start?next=${encodeURIComponent(next)}`)
          .expect(400);
        expect(problemSchema.parse(response.body).errors?.map((error) => error.path)).toEqual([
          'next',
        ]);
      }
    });
  });

  describe('signing in', () => {
    it('creates the account of a new person of an allowed domain and maps the role claim to memberships', async () => {
      provider.people.set('ana', {
        email: 'Ana@Example.com',
        email_verified: true,
        name: 'Ana Lima',
        groups: ['engineering', 'leads', 'operations'],
      });
      const run = await ssoSignIn('ana', { next: '/w/acme/programs' });
      expect(run.location).toBe('/w/acme/programs');
      const me = await sessionOf(run.agent);
      expect(me?.user).toMatchObject({ email: 'ana@example.com', displayName: 'Ana Lima' });
      expect(me?.user.instanceAdmin).toBe(false);
      const roles = Object.fromEntries(
        (me?.workspaces ?? []).map((workspace) => [workspace.slug, workspace.role]),
      );
      // engineering → viewer and leads → editor: the higher wins; an unknown slug is skipped.
      expect(roles).toEqual({ acme: 'editor', beta: 'admin' });
      const events = await testApp.dataSource.getRepository(AuditEvent).find({
        where: { actorUserId: me!.user.id },
        order: { createdAt: 'ASC' },
      });
      expect(events.map((event) => event.action)).toEqual([
        'account.created',
        'member.added',
        'member.added',
        'session.signed-in',
      ]);
      expect(events.at(-1)?.details).toMatchObject({ method: 'sso', issuer: provider.issuer });
      // A password can never sign in to an account single sign-on made.
      await browser(testApp)
        .post('/api/auth/sign-in')
        .send({ email: 'ana@example.com', password: 'sso-only:no-password' })
        .expect(401);
    });

    it('finds the same account again and changes its role when the groups change', async () => {
      provider.people.set('ana', {
        email: 'ana@example.com',
        email_verified: true,
        groups: ['engineering'],
      });
      const run = await ssoSignIn('ana');
      expect(run.location).toBe('/');
      const me = await sessionOf(run.agent);
      const acmeRole = me?.workspaces.find((workspace) => workspace.id === acme.id)?.role;
      expect(acmeRole).toBe('viewer');
      // Never removed by single sign-on: an admin of the workspace removes members.
      expect(me?.workspaces.find((workspace) => workspace.id === beta.id)?.role).toBe('admin');
      const change = await testApp.dataSource.getRepository(AuditEvent).findOne({
        where: { workspaceId: acme.id, action: 'member.role-changed' },
      });
      expect(change?.details).toMatchObject({ from: 'editor', to: 'viewer', via: 'sso' });
    });

    it('revokes the pending invitations of an admin the role map demotes, saying why', async () => {
      provider.people.set('cai', {
        email: 'cai@example.com',
        email_verified: true,
        groups: ['leads'],
      });
      const first = await ssoSignIn('cai');
      const invited = await first.agent
        .post(`/api/workspaces/${beta.slug}/members`)
        .send({ email: 'invited-by-cai@example.com', role: 'editor' })
        .expect(201);
      const invitation = addMemberResponseSchema.parse(invited.body).invitation;

      provider.people.set('cai', {
        email: 'cai@example.com',
        email_verified: true,
        groups: ['support'],
      });
      const again = await ssoSignIn('cai');
      const me = await sessionOf(again.agent);
      expect(me?.workspaces.find((workspace) => workspace.id === beta.id)?.role).toBe('viewer');
      const [row] = await testApp.dataSource.query(
        `SELECT count(*)::int AS count FROM invitation WHERE id = $1`,
        [invitation.id],
      );
      expect(row.count).toBe(0);
      const revoked = await testApp.dataSource.getRepository(AuditEvent).findOne({
        where: { workspaceId: beta.id, action: 'invitation.revoked', targetId: invitation.id },
      });
      expect(revoked).toMatchObject({
        actorUserId: me?.user.id,
        details: {
          email: 'invited-by-cai@example.com',
          role: 'editor',
          reason: 'inviter-demoted',
          invitedBy: 'cai@example.com',
          via: 'sso',
        },
      });
      await browser(testApp)
        .post('/api/auth/accept-invite')
        .send({
          token: invitation.url.replace(/^\/invite\//, ''),
          displayName: 'Invited',
          password: 'a long enough passphrase 42',
        })
        .expect(404);
    });

    it('makes members of the admin group instance admins', async () => {
      provider.people.set('ida', {
        email: 'ida@example.com',
        email_verified: true,
        groups: ['bearing-admins'],
      });
      const run = await ssoSignIn('ida');
      const me = await sessionOf(run.agent);
      expect(me?.user.instanceAdmin).toBe(true);
      await run.agent.get('/api/admin/users').expect(200);
    });

    it('records sign-out of a single sign-on session in the instance audit log', async () => {
      provider.people.set('otto', { email: 'otto@example.com', email_verified: true });
      const run = await ssoSignIn('otto');
      const me = await sessionOf(run.agent);
      await run.agent.post('/api/auth/sign-out').expect(204);
      expect(await sessionOf(run.agent)).toBeNull();
      const signOut = await testApp.dataSource
        .getRepository(AuditEvent)
        .findOneBy({ actorUserId: me!.user.id, action: 'session.signed-out' });
      expect(signOut?.workspaceId).toBeNull();
    });
  });

  describe('refusals: a clear reason on the sign-in page, no session, an audit event', () => {
    it('refuses a state that is not the one this browser sent', async () => {
      provider.people.set('sam', { email: 'sam@example.com', email_verified: true });
      const run = await ssoSignIn('sam', {
        backAtBearing: (callback) => callback.searchParams.set('state', 'forged-state-value'),
      });
      await expectRefused(run, 'state-mismatch');
    });

    it('refuses a callback in a browser that did not start the attempt (login CSRF)', async () => {
      provider.people.set('sam', { email: 'sam@example.com', email_verified: true });
      const start = await browser(testApp).get('/api/auth/oidc/start').expect(302);
      const callback = await provider.signIn(start.headers.location as string, 'sam');
      const victim = browser(testApp);
      const done = await victim.get(`${callback.pathname}${callback.search}`).expect(302);
      await expectRefused(
        { location: done.headers.location as string, callback, agent: victim },
        'attempt-expired',
      );
    });

    it('refuses a replayed code: in the same browser, and with a new attempt', async () => {
      provider.people.set('rita', { email: 'rita@example.com', email_verified: true });
      const first = await ssoSignIn('rita');
      expect(first.location).toBe('/');
      // The same callback again: its attempt is used up.
      const again = browser(testApp);
      const replay = await first.agent
        .get(`${first.callback.pathname}${first.callback.search}`)
        .expect(302);
      expect(replay.headers.location).toBe('/sign-in?sso-error=attempt-expired');
      // The stolen code with a fresh attempt's state: the provider will not exchange it twice
      // (nor for another PKCE verifier).
      const start = await again.get('/api/auth/oidc/start').expect(302);
      const state = new URL(start.headers.location as string).searchParams.get('state')!;
      const forged = new URL(first.callback);
      forged.searchParams.set('state', state);
      const done = await again.get(`${forged.pathname}${forged.search}`).expect(302);
      await expectRefused(
        { location: done.headers.location as string, callback: forged, agent: again },
        'code-rejected',
      );
    });

    it('refuses an ID token whose nonce is not this attempt’s', async () => {
      provider.people.set('nina', { email: 'nina@example.com', email_verified: true });
      const run = await ssoSignIn('nina', {
        atProvider: (url) => url.searchParams.set('nonce', 'someone-elses-nonce-0123456789'),
      });
      await expectRefused(run, 'id-token-rejected');
      expect(await findUserByEmail(testApp.dataSource.manager, 'nina@example.com')).toBeNull();
    });

    it('refuses an email the provider does not vouch for, creating no account', async () => {
      provider.people.set('uma', { email: 'uma@example.com', email_verified: false });
      await expectRefused(await ssoSignIn('uma'), 'email-unverified');
      provider.people.set('uma', {});
      await expectRefused(await ssoSignIn('uma'), 'email-unverified');
      expect(await findUserByEmail(testApp.dataSource.manager, 'uma@example.com')).toBeNull();
    });

    it('refuses a domain that is not allowed, creating no account', async () => {
      provider.people.set('dan', { email: 'dan@elsewhere.org', email_verified: true });
      await expectRefused(await ssoSignIn('dan'), 'domain-not-allowed');
      expect((await lastRefusal())?.details).toMatchObject({ email: 'dan@elsewhere.org' });
      expect(await findUserByEmail(testApp.dataSource.manager, 'dan@elsewhere.org')).toBeNull();
    });

    it('bounds the attempts one address can make, each of which writes a row', async () => {
      const address = '203.0.113.77';
      const callbackFrom = () =>
        browser(testApp)
          .get('/api/auth/oidc/callback?code=x&state=y')
          .set('X-Forwarded-For', address);
      for (let attempt = 0; attempt < SSO_PER_IP.limit; attempt += 1) {
        expect((await callbackFrom()).status).toBe(302);
      }
      const refused = await callbackFrom().expect(429);
      expect(problemSchema.parse(refused.body).detail).toMatch(/Too many single sign-on attempts/);
      await browser(testApp)
        .get('/api/auth/oidc/start')
        .set('X-Forwarded-For', address)
        .expect(429);
      // Other addresses are not affected.
      await browser(testApp).get('/api/auth/oidc/start').expect(302);
    });

    it('refuses a deactivated account', async () => {
      provider.people.set('dee', { email: 'dee@example.com', email_verified: true });
      const first = await ssoSignIn('dee');
      const me = await sessionOf(first.agent);
      await setUserDeactivated(testApp.dataSource.manager, me!.user.id, true);
      await expectRefused(await ssoSignIn('dee'), 'account-disabled');
    });

    it('demotes an admin through the role map only under the lock Members takes, so two demotions at once leave an admin', async () => {
      const from = '203.0.113.91';
      const ssoAs = async (login: string) => {
        const agent = browser(testApp);
        const start = await agent
          .get('/api/auth/oidc/start')
          .set('X-Forwarded-For', from)
          .expect(302);
        const callback = await provider.signIn(start.headers.location as string, login);
        // Wrapped: a request is a thenable, which an async function would send and await.
        return {
          back: () =>
            agent.get(`${callback.pathname}${callback.search}`).set('X-Forwarded-For', from),
        };
      };
      provider.people.set('bob', {
        email: 'bob@example.com',
        email_verified: true,
        groups: ['engineering'],
      });
      await (await ssoAs('bob')).back().expect(302);
      const bob = await findUserByEmail(testApp.dataSource.manager, 'bob@example.com');
      const owner = await findUserByEmail(testApp.dataSource.manager, 'owner@example.com');
      const roleOf = async (userId: string | undefined): Promise<string | undefined> => {
        const rows: { role: string }[] = await testApp.dataSource.query(
          `SELECT role FROM membership WHERE workspace_id = $1 AND user_id = $2`,
          [acme.id, userId],
        );
        return rows[0]?.role;
      };
      await testApp.dataSource.query(
        `UPDATE membership SET role = 'admin' WHERE workspace_id = $1 AND user_id = $2`,
        [acme.id, bob?.id],
      );

      // Members demotes the owner, as PATCH …/members does: the workspace locked, not committed yet.
      const members = testApp.dataSource.createQueryRunner();
      await members.connect();
      try {
        await members.startTransaction();
        await members.query(`SELECT 1 FROM workspace WHERE id = $1 FOR NO KEY UPDATE`, [acme.id]);
        await members.query(
          `UPDATE membership SET role = 'editor' WHERE workspace_id = $1 AND user_id = $2`,
          [acme.id, owner?.id],
        );
        // Meanwhile Bob signs in; his groups now make him a viewer of acme.
        let done = false;
        const backAtBearing = await ssoAs('bob');
        const signingIn = backAtBearing.back().then((response) => {
          done = true;
          return response;
        });
        const waiting = async () =>
          (
            await testApp.dataSource.query(
              `SELECT count(*)::int AS count
                 FROM pg_locks lock JOIN pg_stat_activity backend ON backend.pid = lock.pid
                WHERE NOT lock.granted AND backend.datname = current_database()`,
            )
          )[0].count > 0;
        while (!done && !(await waiting())) await new Promise((resolve) => setTimeout(resolve, 20));
        await members.commitTransaction();
        expect((await signingIn).status).toBe(302);
      } finally {
        if (members.isTransactionActive) await members.rollbackTransaction();
        await members.release();
      }
      expect(await roleOf(owner?.id)).toBe('editor');
      expect(await roleOf(bob?.id)).toBe('admin');

      // Leave acme as the other tests found it.
      await testApp.dataSource.query(
        `UPDATE membership SET role = 'admin' WHERE workspace_id = $1 AND user_id = $2`,
        [acme.id, owner?.id],
      );
    });
  });

  describe('linking an existing password account', () => {
    it('links only after the owner signs in once with the password', async () => {
      const dora = await createUser(testApp, { email: 'dora@example.com' });
      provider.people.set('dora', { email: 'dora@example.com', email_verified: true });
      const refused = await ssoSignIn('dora');
      expect(refused.location).toBe('/sign-in?sso-error=link-pending');
      expect(await sessionOf(refused.agent)).toBeNull();
      // Still waiting: trying again does not link.
      expect((await ssoSignIn('dora')).location).toBe('/sign-in?sso-error=link-pending');

      await signIn(testApp, dora);
      const linked = await ssoSignIn('dora');
      expect(linked.location).toBe('/');
      expect((await sessionOf(linked.agent))?.user.id).toBe(dora.id);
      const event = await testApp.dataSource
        .getRepository(AuditEvent)
        .findOneBy({ action: 'account.sso-linked', actorUserId: dora.id });
      expect(event?.details).toMatchObject({ confirmedBy: 'password-sign-in' });
    });

    it('does not link on a single sign-on with an identity already linked to the account; the password sign-in does', async () => {
      // Vera signs in by SSO with her own identity; a second subject at the provider carries her
      // verified email and asks for a link to her account.
      const vera = await createUser(testApp, { email: 'vera@example.com' });
      await insertIdentity(testApp.dataSource.manager, {
        userId: vera.id,
        issuer: provider.issuer,
        subject: 'vera',
      });
      provider.people.set('vera', { email: 'vera@example.com', email_verified: true });
      provider.people.set('vera-twin', { email: 'vera@example.com', email_verified: true });
      expect((await ssoSignIn('vera-twin')).location).toBe('/sign-in?sso-error=link-pending');

      const own = await ssoSignIn('vera');
      expect(own.location).toBe('/');
      expect((await sessionOf(own.agent))?.user.id).toBe(vera.id);
      // That sign-in proved nothing about the other subject: it still only waits.
      const twin = await ssoSignIn('vera-twin');
      expect(twin.location).toBe('/sign-in?sso-error=link-pending');
      expect(await sessionOf(twin.agent)).toBeNull();
      const links = testApp.dataSource.getRepository(AuditEvent);
      expect(await links.countBy({ action: 'account.sso-linked', actorUserId: vera.id })).toBe(0);

      // Her password is the owner's proof the design asks for.
      await signIn(testApp, vera);
      const linked = await ssoSignIn('vera-twin');
      expect(linked.location).toBe('/');
      expect((await sessionOf(linked.agent))?.user.id).toBe(vera.id);
      expect(
        await links.findOneBy({ action: 'account.sso-linked', actorUserId: vera.id }),
      ).toMatchObject({ details: { confirmedBy: 'password-sign-in' } });
    });

    it('with MFA, links only when the second factor completes the password sign-in', async () => {
      const now = new Date('2026-03-02T10:00:00.000Z');
      const clock = jest.spyOn(testApp.app.get(ClockService), 'now').mockReturnValue(now);
      try {
        const mia = await createUser(testApp, { email: 'mia@example.com' });
        const own = await signIn(testApp, mia);
        const { secret } = totpEnrolmentSchema.parse(
          (await own.post('/api/me/mfa/totp').expect(200)).body,
        );
        const codeAt = (at: Date) =>
          TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() });
        await own
          .post('/api/me/mfa/totp/verify')
          .send({ code: codeAt(now) })
          .expect(200);
        provider.people.set('mia', { email: 'mia@example.com', email_verified: true });
        expect((await ssoSignIn('mia')).location).toBe('/sign-in?sso-error=link-pending');

        // The password alone is only half of this account's sign-in: still pending.
        const agent = browser(testApp);
        const passwordStep = await agent
          .post('/api/auth/sign-in')
          .send({ email: mia.email, password: mia.password })
          .expect(200);
        const { ticket } = mfaChallengeSchema.parse(passwordStep.body);
        expect((await ssoSignIn('mia')).location).toBe('/sign-in?sso-error=link-pending');

        const later = new Date(now.getTime() + 60_000);
        clock.mockReturnValue(later);
        await agent
          .post('/api/auth/mfa')
          .send({ ticket, code: codeAt(later) })
          .expect(200);
        const linked = await ssoSignIn('mia');
        expect(linked.location).toBe('/');
        expect((await sessionOf(linked.agent))?.user.id).toBe(mia.id);
      } finally {
        clock.mockRestore();
      }
    });

    it('links when an instance admin confirms it', async () => {
      const erin = await createUser(testApp, { email: 'erin@example.com' });
      const admin = await createUser(testApp, { email: 'link-admin@example.com' });
      await makeInstanceAdmin(testApp.dataSource.manager, admin.id);
      provider.people.set('erin', { email: 'erin@example.com', email_verified: true });
      expect((await ssoSignIn('erin')).location).toBe('/sign-in?sso-error=link-pending');

      const adminBrowser = await signIn(testApp, admin);
      const list = pendingSsoLinkListSchema.parse(
        (await adminBrowser.get('/api/admin/sso-links').expect(200)).body,
      );
      expect(list.items).toContainEqual(
        expect.objectContaining({ userId: erin.id, email: 'erin@example.com', subject: 'erin' }),
      );
      // Not for anyone else: a signed-in non-admin is refused.
      // (Not erin: her own password sign-in would confirm the link by itself.)
      const someone = await createUser(testApp, { email: 'someone@example.com' });
      await (await signIn(testApp, someone)).get('/api/admin/sso-links').expect(403);
      await adminBrowser.post(`/api/admin/sso-links/${erin.id}/confirm`).expect(204);
      const linked = await ssoSignIn('erin');
      expect(linked.location).toBe('/');
      expect((await sessionOf(linked.agent))?.user.id).toBe(erin.id);
    });
  });
});

describe('single sign-on with password sign-in off', () => {
  let provider: TestOidcProvider;
  let testApp: TestApp;

  beforeAll(async () => {
    provider = await startOidcProvider(CALLBACK);
    testApp = await createTestApp({ oidc: ssoConfig(provider), passwordLogin: false });
  });
  afterAll(async () => {
    await testApp?.close();
    await provider?.close();
  });

  it('answers password sign-in with 403 and a problem, and says so to the sign-in page', async () => {
    const user = await createUser(testApp, { email: 'pat@example.com' });
    const response = await browser(testApp)
      .post('/api/auth/sign-in')
      .send({ email: user.email, password: user.password })
      .expect(403);
    expect(problemSchema.parse(response.body).detail).toMatch(/Password sign-in is turned off/);
    const config = await browser(testApp).get('/api/auth/config').expect(200);
    expect(config.body).toEqual({ sso: true, passwordSignIn: false });
  });

  it('lets an instance admin link an account whose owner cannot use a password', async () => {
    const pat = await findUserByEmail(testApp.dataSource.manager, 'pat@example.com');
    const admin = await createUser(testApp, { email: 'admin@example.com' });
    await makeInstanceAdmin(testApp.dataSource.manager, admin.id);
    provider.people.set('pat', { email: 'pat@example.com', email_verified: true });
    const agent = browser(testApp);
    const start = await agent.get('/api/auth/oidc/start').expect(302);
    let callback = await provider.signIn(start.headers.location as string, 'pat');
    const refused = await agent.get(`${callback.pathname}${callback.search}`).expect(302);
    expect(refused.headers.location).toBe('/sign-in?sso-error=link-pending');

    // The admin signs in with SSO too (password sign-in is off).
    provider.people.set('admin', { email: 'admin@example.com', email_verified: true });
    // The admin's own identity is already linked (as a confirmed link leaves it).
    await insertIdentity(testApp.dataSource.manager, {
      userId: admin.id,
      issuer: provider.issuer,
      subject: 'admin',
    });
    const adminBrowser = browser(testApp);
    const adminStart = await adminBrowser.get('/api/auth/oidc/start').expect(302);
    const adminCallback = await provider.signIn(adminStart.headers.location as string, 'admin');
    await adminBrowser.get(`${adminCallback.pathname}${adminCallback.search}`).expect(302);
    await adminBrowser.post(`/api/admin/sso-links/${pat!.id}/confirm`).expect(204);
    await adminBrowser.post(`/api/admin/sso-links/${pat!.id}/confirm`).expect(404);

    const again = await agent.get('/api/auth/oidc/start').expect(302);
    callback = await provider.signIn(again.headers.location as string, 'pat');
    const done = await agent.get(`${callback.pathname}${callback.search}`).expect(302);
    expect(done.headers.location).toBe('/');
    const me = sessionResponseSchema.parse((await agent.get('/api/auth/session')).body).me;
    expect(me?.user.id).toBe(pat!.id);
    const event = await testApp.dataSource
      .getRepository(AuditEvent)
      .findOneBy({ action: 'account.sso-linked', actorUserId: admin.id });
    expect(event?.details).toMatchObject({ confirmedBy: 'instance-admin', accountId: pat!.id });
  });
});

describe('without single sign-on configured', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it('offers only password sign-in and answers the SSO routes with 404', async () => {
    const config = await browser(testApp).get('/api/auth/config').expect(200);
    expect(config.body).toEqual({ sso: false, passwordSignIn: true });
    await browser(testApp).get('/api/auth/oidc/start').expect(404);
    await browser(testApp).get('/api/auth/oidc/callback?code=x&state=y').expect(404);
  });
});
