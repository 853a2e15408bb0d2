import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { createUser, createWorkspace, type TestUser } from '../../api/test/support/factories.js';
import { createTestApp, type TestApp } from '../../api/test/support/test-app.js';
import { collectPageErrors, launchBrowser, screenshot } from './browser.js';
import { signInThroughPage } from './sign-in.js';

const NEW_PASSWORD = 'quokka fjord lantern 1897';

describe('changing a password in a real browser', () => {
  let testApp: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let ana: TestUser;

  beforeAll(async () => {
    testApp = await createTestApp();
    ana = await createUser(testApp, { email: 'ana@example.com', displayName: 'Ana Lima' });
    await createWorkspace(testApp, ana, 'demo');
    baseUrl = await testApp.listen();
    browser = await launchBrowser();
    page = await browser.newPage();
    errors = collectPageErrors(page, baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('refuses a common password on the field, then changes it from the account page', async () => {
    await page.goto(`${baseUrl}/sign-in`);
    await signInThroughPage(page, ana);
    await page.getByRole('button', { name: 'Account: Ana Lima' }).click();
    await page.getByRole('menuitem', { name: 'Password and sessions' }).click();
    await page.waitForURL(`${baseUrl}/account`);
    await page.getByRole('cell', { name: /This browser/ }).waitFor();

    await page.getByLabel('Current password').fill(ana.password);
    await page.getByLabel(/^New password/).fill('password1234');
    await page.getByLabel('Repeat new password').fill('password1234');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Is one of the most common passwords, or too close to one').waitFor();
    await screenshot(page, 'account-password-refused');

    await page.getByLabel(/^New password/).fill(NEW_PASSWORD);
    await page.getByLabel('Repeat new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password was changed. Your other sessions have ended.').waitFor();
    await screenshot(page, 'account-password-changed');
    // The refused password is answered 400, which the browser logs; nothing else went wrong.
    expect(errors.filter((error) => !/status of 400\b/.test(error))).toEqual([]);
  });

  it('signs in with the new password, and not with the old one', async () => {
    await page.getByRole('button', { name: 'Account: Ana Lima' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(`${baseUrl}/sign-in`);

    await page.getByLabel('Email').fill(ana.email);
    await page.getByLabel(/^Password/).fill(ana.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The email or password is not correct.').waitFor();

    await page.getByLabel(/^Password/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Account: Ana Lima' }).waitFor();
    expect(page.url()).toMatch(new RegExp(`^${baseUrl}/w/demo`));
    // The failed attempts are answered 400 and 401, which the browser logs; nothing else.
    expect(errors.filter((error) => !/status of 40[01]\b/.test(error))).toEqual([]);
  });
});
