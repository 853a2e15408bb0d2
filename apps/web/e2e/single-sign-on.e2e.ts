import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { createUser, createWorkspace } from '../../api/test/support/factories.js';
import { startOidcProvider, type TestOidcProvider } from '../../api/test/support/oidc-provider.js';
import { createTestApp, type TestApp } from '../../api/test/support/test-app.js';
import { collectPageErrors, launchBrowser, screenshot } from './browser.js';

/** A free loopback port: the app must know its own address (the callback) before it listens. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

describe('single sign-on in a real browser, through a local OpenID provider', () => {
  let provider: TestOidcProvider;
  let testApp: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider(`${baseUrl}/api/auth/oidc/callback`);
    testApp = await createTestApp({
      publicUrl: baseUrl,
      oidc: {
        issuer: new URL(provider.issuer),
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        allowedDomains: ['example.com'],
        roleClaim: 'groups',
        roleMap: { 'programme-leads': { demo: 'editor' } },
        adminGroup: undefined,
      },
    });
    const owner = await createUser(testApp, { email: 'owner@example.com' });
    await createWorkspace(testApp, owner, 'demo');
    await testApp.app.listen(port, '127.0.0.1');
    browser = await launchBrowser();
    page = await browser.newPage();
    errors = collectPageErrors(page, baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
    await provider?.close();
  });

  /** Everything but the visits to the identity provider, which are the point here. */
  const unexpectedErrors = () =>
    errors.filter((error) => !error.startsWith(`request to another host: ${provider.issuer}/`));

  it('signs a new person in with SSO and lands them in the workspace their group maps to', async () => {
    provider.people.set('ana', {
      email: 'ana@example.com',
      email_verified: true,
      name: 'Ana Lima',
      groups: ['programme-leads'],
    });
    await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent('/w/demo')}`);
    await page.getByRole('link', { name: 'Sign in with SSO' }).waitFor();
    await screenshot(page, 'sign-in-with-sso');
    await page.getByRole('link', { name: 'Sign in with SSO' }).click();

    await page.getByRole('heading', { name: 'Test identity provider' }).waitFor();
    expect(page.url().startsWith(provider.issuer)).toBe(true);
    await page.getByLabel('Username').fill('ana');
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('button', { name: 'Account: Ana Lima' }).waitFor();
    expect(page.url()).toMatch(new RegExp(`^${baseUrl}/w/demo`));
    expect(unexpectedErrors()).toEqual([]);
  });

  it('brings a refused person back to the sign-in page with the reason in words', async () => {
    await page.getByRole('button', { name: 'Account: Ana Lima' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(`${baseUrl}/sign-in`);

    // Someone else at this computer: the provider must not remember Ana's sign-in there.
    await page.context().clearCookies();
    provider.people.set('bo', { email: 'bo@elsewhere.org', email_verified: true });
    await page.getByRole('link', { name: 'Sign in with SSO' }).click();
    await page.getByLabel('Username').fill('bo');
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.waitForURL(`${baseUrl}/sign-in?sso-error=domain-not-allowed`);
    await page
      .getByText('Accounts of your email domain may not sign in to this Bearing.')
      .waitFor();
    await screenshot(page, 'sign-in-sso-refused');
    // A request the signed-in page had in flight (a poll) may come back 401 once the session
    // has ended: that is signing out, not an error of the refusal.
    expect(
      unexpectedErrors().filter(
        (error) => !error.includes('the server responded with a status of 401'),
      ),
    ).toEqual([]);
  });
});
