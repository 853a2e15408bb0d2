import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { problemSchema } from '@bearing/contracts';
import { signInDelayMs } from '../src/auth/sign-in-throttle.service.js';
import { browser, createUser } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Brute force without lock-out: failures are refused per (email, address) and per address,
 * and only slowed per email — so failing on purpose from elsewhere never locks the owner out.
 */
describe('sign-in throttling', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  const attempt = (email: string, password: string, ip: string) =>
    browser(testApp).post('/api/auth/sign-in').set('X-Forwarded-For', ip).send({ email, password });

  it('refuses the 11th failure for one email from one address with 429 and Retry-After', async () => {
    const user = await createUser(testApp);
    for (let failure = 1; failure <= 10; failure++) {
      await attempt(user.email, 'wrong password!', '198.51.100.10').expect(401);
    }
    const refused = await attempt(user.email, user.password, '198.51.100.10').expect(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(problemSchema.parse(refused.body).status).toBe(429);
  });

  it('still lets the right password in from a new address after failures elsewhere', async () => {
    const user = await createUser(testApp);
    // An attacker fails from one address until refused, then from ten more.
    for (let failure = 1; failure <= 10; failure++) {
      await attempt(user.email, 'wrong password!', '198.51.100.20').expect(401);
    }
    await attempt(user.email, 'wrong password!', '198.51.100.20').expect(429);
    // The owner, from their own address, is slowed down but gets in.
    await attempt(user.email, user.password, '203.0.113.250').expect(200);
  });

  it('never answers 429 for an email just because other addresses failed on it', async () => {
    const user = await createUser(testApp);
    for (let failure = 1; failure <= 11; failure++) {
      await attempt(user.email, 'wrong password!', `198.51.100.${100 + failure}`).expect(401);
    }
    await attempt(user.email, user.password, '198.51.100.199').expect(200);
  });

  it('refuses one address after 50 failures, whatever the emails; others are unaffected', async () => {
    const ip = '192.0.2.10';
    for (let failure = 1; failure <= 50; failure++) {
      await attempt(`guess-${failure}@example.com`, 'wrong password!', ip).expect(401);
    }
    await attempt('guess-51@example.com', 'wrong password!', ip).expect(429);
    await attempt('guess-51@example.com', 'wrong password!', '192.0.2.11').expect(401);
  });

  it('does not count successful sign-ins', async () => {
    const user = await createUser(testApp);
    for (let success = 1; success <= 12; success++) {
      await attempt(user.email, user.password, '192.0.2.20').expect(200);
    }
  });

  it('opens again once the window has passed', async () => {
    const user = await createUser(testApp);
    for (let failure = 1; failure <= 10; failure++) {
      await attempt(user.email, 'wrong password!', '192.0.2.30').expect(401);
    }
    await attempt(user.email, user.password, '192.0.2.30').expect(429);
    await testApp.dataSource.query(
      `UPDATE rate_limit SET window_started_at = now() - interval '16 minutes'`,
    );
    await attempt(user.email, user.password, '192.0.2.30').expect(200);
  });
});

describe('the per-email slow-down', () => {
  it('starts after ten failures and doubles up to ten seconds', () => {
    expect([0, 9, 10, 11, 12, 14, 15, 100].map(signInDelayMs)).toEqual([
      0, 0, 500, 1000, 2000, 8000, 10_000, 10_000,
    ]);
  });
});
