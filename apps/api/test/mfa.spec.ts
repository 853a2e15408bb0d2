import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  auditEventPageSchema,
  meResponseSchema,
  mfaChallengeSchema,
  problemSchema,
  recoveryCodesSchema,
  totpEnrolmentSchema,
} from '@bearing/contracts';
import { Secret, TOTP } from 'otpauth';
import { makeInstanceAdmin } from '../src/accounts/user-admin.repository.js';
import { ClockService } from '../src/common/clock/clock.service.js';
import { Housekeeping } from '../src/jobs/housekeeping.service.js';
import {
  browser,
  type Browser,
  countRows,
  createUser,
  signIn,
  type TestUser,
} from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Every test runs at this instant (the app's clock is pinned; codes are computed for it). */
const NOW = new Date('2026-03-02T10:00:00.000Z');
const STEP_MS = 30_000;

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

function pinClock(app: TestApp, at: Date): void {
  jest.spyOn(app.app.get(ClockService), 'now').mockReturnValue(at);
}

/** The code an authenticator app holding `secret` shows at `at`. */
function codeAt(secret: string, at: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() });
}

type Enrolled = { user: TestUser; agent: Browser; secret: string; recoveryCodes: string[] };

/** A user who turned MFA on at NOW (the code of NOW's step is used up). */
async function enrolledUser(app: TestApp = testApp): Promise<Enrolled> {
  pinClock(app, NOW);
  const user = await createUser(app);
  const agent = await signIn(app, user);
  const { secret } = totpEnrolmentSchema.parse(
    (await agent.post('/api/me/mfa/totp').expect(200)).body,
  );
  const { recoveryCodes } = recoveryCodesSchema.parse(
    (
      await agent
        .post('/api/me/mfa/totp/verify')
        .send({ code: codeAt(secret, NOW) })
        .expect(200)
    ).body,
  );
  return { user, agent, secret, recoveryCodes };
}

async function passwordStep(user: TestUser, app: TestApp = testApp) {
  const agent = browser(app);
  const response = await agent
    .post('/api/auth/sign-in')
    .send({ email: user.email, password: user.password })
    .expect(200);
  expect(response.headers['set-cookie']).toBeUndefined();
  return { agent, ticket: mfaChallengeSchema.parse(response.body).ticket };
}

const actionsOf = async (agent: Browser) =>
  auditEventPageSchema
    .parse((await agent.get('/api/admin/audit-events?limit=100').expect(200)).body)
    .items.map((event) => ({ action: event.action, targetId: event.targetId }));

describe('enrolling an authenticator app', () => {
  it('gives a sealed secret with its otpauth link and turns MFA on with the first code', async () => {
    pinClock(testApp, NOW);
    const user = await createUser(testApp);
    const agent = await signIn(testApp, user);
    const otherBrowser = await signIn(testApp, user);
    const enrolment = totpEnrolmentSchema.parse(
      (await agent.post('/api/me/mfa/totp').expect(200)).body,
    );
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    const url = new URL(enrolment.otpauthUrl);
    expect(url.protocol).toBe('otpauth:');
    expect(url.searchParams.get('secret')).toBe(enrolment.secret);
    expect(url.searchParams.get('issuer')).toBe('Bearing');
    expect(decodeURIComponent(url.pathname)).toContain(user.email);
    const [stored] = await testApp.dataSource.query(
      `SELECT sealed_secret, confirmed_at FROM totp_credential WHERE user_id = $1`,
      [user.id],
    );
    expect(stored.sealed_secret).toMatch(/^v1:/);
    expect(stored.sealed_secret).not.toContain(enrolment.secret);
    expect(stored.confirmed_at).toBeNull();
    // Not on yet: the password alone still signs in.
    await signIn(testApp, user);

    const wrong = await agent
      .post('/api/me/mfa/totp/verify')
      .send({ code: codeAt(enrolment.secret, new Date(NOW.getTime() + 10 * STEP_MS)) })
      .expect(400);
    expect(problemSchema.parse(wrong.body).errors?.[0]?.path).toBe('code');
    expect(
      meResponseSchema.parse((await agent.get('/api/me').expect(200)).body).user.mfaEnabled,
    ).toBe(false);

    const { recoveryCodes } = recoveryCodesSchema.parse(
      (
        await agent
          .post('/api/me/mfa/totp/verify')
          .send({ code: codeAt(enrolment.secret, NOW) })
          .expect(200)
      ).body,
    );
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    const hashes = await testApp.dataSource.query<{ code_hash: string }[]>(
      `SELECT code_hash FROM recovery_code WHERE user_id = $1`,
      [user.id],
    );
    expect(hashes).toHaveLength(10);
    for (const { code_hash } of hashes) {
      expect(code_hash).toMatch(/^\$argon2id\$/);
      for (const code of recoveryCodes) expect(code_hash).not.toContain(code.replace('-', ''));
    }
    const me = meResponseSchema.parse((await agent.get('/api/me').expect(200)).body);
    expect(me.user.mfaEnabled).toBe(true);
    // The other browser signed in with the password alone: it is signed out.
    await otherBrowser.get('/api/me').expect(401);
    // Turning it on twice is refused.
    const again = await agent.post('/api/me/mfa/totp').expect(409);
    expect(problemSchema.parse(again.body).type).toMatch(/\/mfa-already-enabled$/);
  });

  it('refuses a code before enrolment started, and codes that are not six digits', async () => {
    const agent = await signIn(testApp, await createUser(testApp));
    const notStarted = await agent
      .post('/api/me/mfa/totp/verify')
      .send({ code: '123456' })
      .expect(409);
    expect(problemSchema.parse(notStarted.body).type).toMatch(/\/mfa-enrolment-not-started$/);
    const malformed = await agent
      .post('/api/me/mfa/totp/verify')
      .send({ code: '12345a' })
      .expect(400);
    expect(problemSchema.parse(malformed.body).errors?.[0]?.path).toBe('code');
  });
});

describe('signing in with MFA', () => {
  it('answers a ticket instead of a session, and the code of the next step completes it once', async () => {
    const { user, secret } = await enrolledUser();
    const { agent, ticket } = await passwordStep(user);
    await agent.get('/api/me').expect(401);

    // The code of the step used to enrol is spent, even within its 30 seconds.
    const replayed = await agent
      .post('/api/auth/mfa')
      .send({ ticket, code: codeAt(secret, NOW) })
      .expect(400);
    expect(problemSchema.parse(replayed.body).errors?.[0]?.path).toBe('code');

    const later = new Date(NOW.getTime() + 3 * STEP_MS);
    pinClock(testApp, later);
    const signedIn = await agent
      .post('/api/auth/mfa')
      .send({ ticket, code: codeAt(secret, later) })
      .expect(200);
    expect(meResponseSchema.parse(signedIn.body).user.id).toBe(user.id);
    expect(String(signedIn.headers['set-cookie'])).toMatch(/bearing_session=/);
    await agent.get('/api/me').expect(200);

    // The ticket did its one sign-in.
    const reused = await browser(testApp)
      .post('/api/auth/mfa')
      .send({ ticket, code: codeAt(secret, new Date(later.getTime() + STEP_MS)) })
      .expect(401);
    expect(problemSchema.parse(reused.body).detail).toMatch(/sign in with your password again/);
    // And the code just used cannot sign in a second browser, even with a fresh ticket.
    const second = await passwordStep(user);
    await second.agent
      .post('/api/auth/mfa')
      .send({ ticket: second.ticket, code: codeAt(secret, later) })
      .expect(400);
  });

  it('leaves no used or expired ticket behind once housekeeping has run', async () => {
    const { user } = await enrolledUser();
    await testApp.dataSource.query(
      `INSERT INTO mfa_ticket (user_id, token_hash, expires_at, used_at)
       VALUES ($1, $2, now() + interval '5 minutes', now()), ($1, $3, now() - interval '1 second', NULL),
              ($1, $4, now() + interval '5 minutes', NULL)`,
      [user.id, 'a'.repeat(64), 'b'.repeat(64), 'c'.repeat(64)],
    );
    const swept = await testApp.app.get(Housekeeping).run();
    expect(swept.mfaTickets).toBeGreaterThanOrEqual(2);
    const left: { token_hash: string }[] = await testApp.dataSource.query(
      `SELECT token_hash FROM mfa_ticket WHERE user_id = $1`,
      [user.id],
    );
    expect(left.map((row) => row.token_hash)).toEqual(['c'.repeat(64)]);
  });

  it('accepts a code of the step before or after (clock drift), not two steps away', async () => {
    const { user, secret } = await enrolledUser();
    const at = new Date(NOW.getTime() + 10 * STEP_MS);
    pinClock(testApp, at);
    const first = await passwordStep(user);
    await first.agent
      .post('/api/auth/mfa')
      .send({ ticket: first.ticket, code: codeAt(secret, new Date(at.getTime() - 2 * STEP_MS)) })
      .expect(400);
    await first.agent
      .post('/api/auth/mfa')
      .send({ ticket: first.ticket, code: codeAt(secret, new Date(at.getTime() + STEP_MS)) })
      .expect(200);
  });

  it('takes each recovery code once, forgiving case and dashes', async () => {
    const { user, recoveryCodes } = await enrolledUser();
    const [firstCode = '', secondCode = ''] = recoveryCodes;
    const first = await passwordStep(user);
    await first.agent
      .post('/api/auth/mfa')
      .send({ ticket: first.ticket, recoveryCode: firstCode.toUpperCase().replace('-', ' ') })
      .expect(200);
    const again = await passwordStep(user);
    const refused = await again.agent
      .post('/api/auth/mfa')
      .send({ ticket: again.ticket, recoveryCode: firstCode })
      .expect(400);
    expect(problemSchema.parse(refused.body).errors?.[0]?.path).toBe('recoveryCode');
    await again.agent
      .post('/api/auth/mfa')
      .send({ ticket: again.ticket, recoveryCode: secondCode })
      .expect(200);
    const [{ unused }] = await testApp.dataSource.query(
      `SELECT count(*)::int AS unused FROM recovery_code WHERE user_id = $1 AND used_at IS NULL`,
      [user.id],
    );
    expect(unused).toBe(8);
  });

  it('refuses an expired ticket, a ticket after five wrong codes, and a body with both or neither', async () => {
    const { user, secret } = await enrolledUser();
    const later = new Date(NOW.getTime() + 5 * STEP_MS);
    pinClock(testApp, later);
    const expired = await passwordStep(user);
    await testApp.dataSource.query(
      `UPDATE mfa_ticket SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [user.id],
    );
    await expired.agent
      .post('/api/auth/mfa')
      .send({ ticket: expired.ticket, code: codeAt(secret, later) })
      .expect(401);

    const guessed = await passwordStep(user);
    for (let attempt = 0; attempt < 5; attempt++) {
      await guessed.agent
        .post('/api/auth/mfa')
        .send({ ticket: guessed.ticket, code: '000000' })
        .expect(400);
    }
    await guessed.agent
      .post('/api/auth/mfa')
      .send({ ticket: guessed.ticket, code: codeAt(secret, later) })
      .expect(401);

    const both = await guessed.agent
      .post('/api/auth/mfa')
      .send({ ticket: guessed.ticket, code: '123456', recoveryCode: 'abcde-fghij' })
      .expect(400);
    expect(problemSchema.parse(both.body).errors?.[0]?.path).toBe('code');
    await guessed.agent.post('/api/auth/mfa').send({ ticket: guessed.ticket }).expect(400);
    await browser(testApp)
      .post('/api/auth/mfa')
      .send({ ticket: 'not-a-ticket', code: '123456' })
      .expect(401);
  });

  it('slows guessing across tickets: ten wrong codes for one account answer 429, even with the right one', async () => {
    const { user, secret } = await enrolledUser();
    const later = new Date(NOW.getTime() + 7 * STEP_MS);
    pinClock(testApp, later);
    for (let ticketNumber = 0; ticketNumber < 2; ticketNumber++) {
      const { agent, ticket } = await passwordStep(user);
      for (let attempt = 0; attempt < 5; attempt++) {
        await agent.post('/api/auth/mfa').send({ ticket, code: '000000' }).expect(400);
      }
    }
    const { agent, ticket } = await passwordStep(user);
    const limited = await agent
      .post('/api/auth/mfa')
      .send({ ticket, code: codeAt(secret, later) })
      .expect(429);
    expect(problemSchema.parse(limited.body).type).toMatch(/\/rate-limited$/);
  });

  it('ten wrong codes for one account sent at once across several tickets: at most ten are checked, the rest answer 429', async () => {
    const { user } = await enrolledUser();
    pinClock(testApp, new Date(NOW.getTime() + 7 * STEP_MS));
    const tickets: string[] = [];
    for (let ticketNumber = 0; ticketNumber < 6; ticketNumber++) {
      tickets.push((await passwordStep(user)).ticket);
    }
    // Five guesses per ticket (all it survives), each from an address of its own.
    const guesses = tickets.flatMap((ticket, ticketNumber) =>
      Array.from({ length: 5 }, (_, attempt) =>
        browser(testApp)
          .post('/api/auth/mfa')
          .set('X-Forwarded-For', `203.0.113.${ticketNumber * 5 + attempt + 1}`)
          .send({ ticket, code: '000000' }),
      ),
    );
    const statuses = (await Promise.all(guesses)).map((response) => response.status);
    expect(statuses.filter((status) => status === 400)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
    const [failed] = await testApp.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_event
        WHERE action = 'session.mfa-failed' AND actor_user_id = $1`,
      [user.id],
    );
    expect(failed.count).toBe(10);
  });
});

describe('turning MFA off and resetting it', () => {
  it('needs the password to turn it off; then the password alone signs in', async () => {
    const { user, agent } = await enrolledUser();
    const wrong = await agent
      .delete('/api/me/mfa')
      .send({ password: 'not the password' })
      .expect(400);
    expect(problemSchema.parse(wrong.body).errors).toEqual([
      { path: 'password', message: 'is not your current password' },
    ]);
    mfaChallengeSchema.parse(
      (
        await browser(testApp)
          .post('/api/auth/sign-in')
          .send({ email: user.email, password: user.password })
          .expect(200)
      ).body,
    );
    await agent.delete('/api/me/mfa').send({ password: user.password }).expect(204);
    const me = meResponseSchema.parse((await (await signIn(testApp, user)).get('/api/me')).body);
    expect(me.user.mfaEnabled).toBe(false);
    const [{ left }] = await testApp.dataSource.query(
      `SELECT (SELECT count(*) FROM totp_credential WHERE user_id = $1)
            + (SELECT count(*) FROM recovery_code WHERE user_id = $1) AS left`,
      [user.id],
    );
    expect(Number(left)).toBe(0);
  });

  it("lets only an instance admin reset someone's MFA, and records it", async () => {
    const { user } = await enrolledUser();
    const bystander = await signIn(testApp, await createUser(testApp));
    const before = await countRows(testApp);
    await bystander.delete(`/api/admin/users/${user.id}/mfa`).expect(403);
    expect(await countRows(testApp)).toEqual(before);

    const admin = await createUser(testApp);
    await makeInstanceAdmin(testApp.dataSource.manager, admin.id);
    const adminBrowser = await signIn(testApp, admin);
    await adminBrowser.delete(`/api/admin/users/${user.id}/mfa`).expect(204);
    await adminBrowser
      .delete(`/api/admin/users/00000000-0000-4000-8000-000000000000/mfa`)
      .expect(404);
    expect(await actionsOf(adminBrowser)).toContainEqual({
      action: 'account.mfa-reset',
      targetId: user.id,
    });
    // The password alone signs them in again.
    await signIn(testApp, user);
  });
});

describe('BEARING_REQUIRE_MFA=admins', () => {
  let strictApp: TestApp;
  beforeAll(async () => {
    strictApp = await createTestApp({ requireMfa: 'admins' });
  });
  afterAll(async () => {
    await strictApp.close();
  });

  it('sends an instance admin without MFA to enrolment before anything else', async () => {
    pinClock(strictApp, NOW);
    const admin = await createUser(strictApp);
    await makeInstanceAdmin(strictApp.dataSource.manager, admin.id);
    const agent = await signIn(strictApp, admin);
    const me = meResponseSchema.parse((await agent.get('/api/me').expect(200)).body);
    expect(me.user.mfaEnrolmentRequired).toBe(true);
    const refused = await agent.get('/api/admin/users').expect(403);
    expect(problemSchema.parse(refused.body).type).toMatch(/\/mfa-enrolment-required$/);
    await agent.post('/api/workspaces').send({ slug: 'too-early', name: 'Too early' }).expect(403);

    const { secret } = totpEnrolmentSchema.parse(
      (await agent.post('/api/me/mfa/totp').expect(200)).body,
    );
    await agent
      .post('/api/me/mfa/totp/verify')
      .send({ code: codeAt(secret, NOW) })
      .expect(200);
    await agent.get('/api/admin/users').expect(200);
    const after = meResponseSchema.parse((await agent.get('/api/me').expect(200)).body);
    expect(after.user).toMatchObject({ mfaEnabled: true, mfaEnrolmentRequired: false });
  });

  it('asks nothing of users who are not instance admins', async () => {
    const agent = await signIn(strictApp, await createUser(strictApp));
    const me = meResponseSchema.parse((await agent.get('/api/me').expect(200)).body);
    expect(me.user.mfaEnrolmentRequired).toBe(false);
    await agent.get('/api/me/sessions').expect(200);
    await agent.get('/api/me/invitations').expect(200);
  });
});
