import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { accountSessionListSchema, revokedSessionsSchema } from '@bearing/contracts';
import { browser, type Browser, createUser, type TestUser } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

describe('the signed-in user’s sessions', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  async function signInFrom(user: TestUser, userAgent: string, ip: string): Promise<Browser> {
    const agent = browser(testApp).set('User-Agent', userAgent).set('X-Forwarded-For', ip);
    await agent
      .post('/api/auth/sign-in')
      .send({ email: user.email, password: user.password })
      .expect(200);
    return agent;
  }

  it('lists live sessions with device, address, times and which one is this', async () => {
    const user = await createUser(testApp);
    const laptop = await signInFrom(user, FIREFOX_LINUX, '198.51.100.7');
    await signInFrom(user, SAFARI_IPHONE, '203.0.113.9');
    await signInFrom(await createUser(testApp), FIREFOX_LINUX, '198.51.100.8');
    const list = accountSessionListSchema.parse(
      (await laptop.get('/api/me/sessions').expect(200)).body,
    );
    expect(
      list.items
        .map(({ device, ip, current }) => ({ device, ip, current }))
        .sort((a, b) => a.device.localeCompare(b.device)),
    ).toEqual([
      { device: 'Firefox on Linux', ip: '198.51.100.7', current: true },
      { device: 'Safari on iOS', ip: '203.0.113.9', current: false },
    ]);
    for (const session of list.items) {
      expect(Date.parse(session.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(session.createdAt));
    }
  });

  it('ends one session by id; another user’s session id is not found', async () => {
    const user = await createUser(testApp);
    const laptop = await signInFrom(user, FIREFOX_LINUX, '198.51.100.7');
    const phone = await signInFrom(user, SAFARI_IPHONE, '203.0.113.9');
    const stranger = await signInFrom(await createUser(testApp), FIREFOX_LINUX, '198.51.100.8');
    const { items } = accountSessionListSchema.parse(
      (await laptop.get('/api/me/sessions').expect(200)).body,
    );
    const phoneSession = items.find((session) => !session.current);
    if (!phoneSession) throw new Error('the phone session is not listed');
    await stranger.delete(`/api/me/sessions/${phoneSession.id}`).expect(404);
    await phone.get('/api/me').expect(200);
    await laptop.delete(`/api/me/sessions/${phoneSession.id}`).expect(204);
    await phone.get('/api/me').expect(401);
    await laptop.get('/api/me').expect(200);
    await laptop.delete(`/api/me/sessions/${randomUUID()}`).expect(404);
  });

  it('ends every other session and keeps this one', async () => {
    const user = await createUser(testApp);
    const laptop = await signInFrom(user, FIREFOX_LINUX, '198.51.100.7');
    const phone = await signInFrom(user, SAFARI_IPHONE, '203.0.113.9');
    const tablet = await signInFrom(user, SAFARI_IPHONE, '203.0.113.10');
    const other = await signInFrom(await createUser(testApp), FIREFOX_LINUX, '198.51.100.8');
    const response = await laptop.post('/api/me/sessions/revoke-others').expect(200);
    expect(revokedSessionsSchema.parse(response.body)).toEqual({ revoked: 2 });
    await phone.get('/api/me').expect(401);
    await tablet.get('/api/me').expect(401);
    await laptop.get('/api/me').expect(200);
    await other.get('/api/me').expect(200);
  });

  it('writes the last use at most once a minute, not on every request', async () => {
    const user = await createUser(testApp);
    const laptop = await signInFrom(user, FIREFOX_LINUX, '198.51.100.7');
    const lastSeen = async () =>
      (
        await testApp.dataSource.query<{ last_seen_at: Date }[]>(
          `SELECT last_seen_at FROM session WHERE user_id = $1`,
          [user.id],
        )
      )[0]?.last_seen_at.getTime();
    await testApp.dataSource.query(
      `UPDATE session SET last_seen_at = now() - interval '30 seconds' WHERE user_id = $1`,
      [user.id],
    );
    const recent = await lastSeen();
    await laptop.get('/api/me').expect(200);
    expect(await lastSeen()).toBe(recent);
    await testApp.dataSource.query(
      `UPDATE session SET last_seen_at = now() - interval '2 minutes' WHERE user_id = $1`,
      [user.id],
    );
    const stale = await lastSeen();
    await laptop.get('/api/me').expect(200);
    expect(await lastSeen()).toBeGreaterThan(stale ?? 0);
  });
});
