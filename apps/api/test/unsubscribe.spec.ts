import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { problemSchema } from '@bearing/contracts';
import express from 'express';
import { pinoHttp, type Options } from 'pino-http';
import supertest from 'supertest';
import { loggingModule } from '../src/common/logging/logging.module.js';
import { SecretBox } from '../src/common/secrets/secret-box.js';
import { unsubscribeToken } from '../src/notifications/unsubscribe-token.js';
import { browser, createUser, signIn, TEST_HOST, type TestUser } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * An email's unsubscribe link only asks when opened — mail scanners and link previews fetch
 * links in emails — and unsubscribes on a POST: the page's button, or the one-click POST
 * (RFC 8058) a mail provider sends from its own servers, without an Origin header.
 */
describe('email unsubscribe links', () => {
  let testApp: TestApp;
  let user: TestUser;
  let path: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    user = await createUser(testApp);
    const token = unsubscribeToken(testApp.app.get(SecretBox), user.id, 'dependency.overdue');
    path = `/api/unsubscribe/${token}`;
  });
  afterAll(async () => {
    await testApp.close();
  });

  const emailOf = async (event: string): Promise<unknown> => {
    const prefs = await (
      await signIn(testApp, user)
    )
      .get('/api/me/notification-preferences')
      .expect(200);
    return (prefs.body as { events: Record<string, { email?: unknown }> }).events[event]?.email;
  };
  /** A request from another server: no Origin, no Referer, no cookie. */
  const fromMailProvider = () => supertest(testApp.app.getHttpServer());

  it('asks before unsubscribing: opening the link changes nothing', async () => {
    const page = await browser(testApp).get(path).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('Unsubscribe from these emails?');
    expect(page.text).toContain('<form method="post">');
    expect(await emailOf('dependency.overdue')).toBe(true);
  });

  it('unsubscribes on the one-click POST a mail provider sends', async () => {
    const done = await fromMailProvider()
      .post(path)
      .set('Host', TEST_HOST)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(done.text).toContain('You are unsubscribed');
    expect(await emailOf('dependency.overdue')).toBe(false);
    expect(await emailOf('raid.high')).toBe(true);
  });

  it('refuses a forged link, opened or posted, and changes nothing', async () => {
    const forged = `${path.slice(0, -3)}abc`;
    const opened = await browser(testApp).get(forged).expect(404);
    expect(problemSchema.parse(opened.body).detail).toContain('not valid');
    await fromMailProvider().post(forged).set('Host', TEST_HOST).expect(404);
    const other = unsubscribeToken(testApp.app.get(SecretBox), user.id, 'raid.high');
    await fromMailProvider()
      .post(`/api/unsubscribe/${other.slice(0, -2)}zz`)
      .expect(404);
    expect(await emailOf('raid.high')).toBe(true);
  });

  it('keeps the token out of problem bodies and the request log', async () => {
    const token = path.slice('/api/unsubscribe/'.length);
    const forged = `${path.slice(0, -3)}abc`;
    const refused = await browser(testApp).get(forged).expect(404);
    expect(problemSchema.parse(refused.body).instance).toBe('/api/unsubscribe/[redacted]');

    // The request logger exactly as the app configures it, writing to a buffer instead of stdout.
    const options = (
      loggingModule({ logLevel: 'info' }).providers?.find(
        (provider) =>
          typeof provider === 'object' && 'useValue' in provider && provider.useValue?.pinoHttp,
      ) as { useValue: { pinoHttp: Options } }
    ).useValue.pinoHttp;
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const { transport: _pretty, ...plain } = options;
    const app = express();
    app.use(pinoHttp({ ...plain }, sink));
    app.get('/api/unsubscribe/:token', (_request, response) => {
      response.status(200).send('ok');
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      expect((await fetch(`http://127.0.0.1:${port}${path}`)).status).toBe(200);
      for (let waited = 0; !lines.join('').includes('request completed'); waited += 1) {
        if (waited > 200) throw new Error('the request was never logged');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const log = lines.join('');
      expect(log).not.toContain(token);
      expect(log).toContain('/api/unsubscribe/[redacted]');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
