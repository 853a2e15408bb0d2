import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { createUser, createWorkspace } from '../../api/test/support/factories.js';
import { createTestApp, type TestApp } from '../../api/test/support/test-app.js';
import { expectNoSeriousA11yViolations } from './accessibility.js';
import { collectPageErrors, launchBrowser, screenshot } from './browser.js';
import { signInThroughPage } from './sign-in.js';

const AREAS = [
  'Portfolio',
  'Programs',
  'Teams',
  'OKRs',
  'Metrics',
  'Reviews',
  'Explore',
  'Alerts',
  'Settings',
];

describe('the app shell in a real browser', () => {
  let testApp: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    testApp = await createTestApp();
    const admin = await createUser(testApp, { displayName: 'Dana Admin' });
    await createWorkspace(testApp, admin, 'demo');
    baseUrl = await testApp.listen();
    browser = await launchBrowser();
    page = await browser.newPage();
    errors = collectPageErrors(page, baseUrl);
    await page.goto(`${baseUrl}/`);
    await signInThroughPage(page, admin);
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('renders the shell with navigation, version and readiness, without console errors', async () => {
    await page.waitForURL(`${baseUrl}/w/demo/portfolio`);
    const navigation = page.getByRole('navigation');
    for (const area of AREAS) {
      await navigation.getByRole('link', { name: area }).waitFor({ state: 'visible' });
    }
    await page.getByText('Ready', { exact: true }).waitFor();
    await page
      .getByText(/v\d+\.\d+\.\d+/)
      .first()
      .waitFor({ state: 'visible' });
    await screenshot(page, 'shell-portfolio');
    expect(errors).toEqual([]);
  });

  it('reaches every area through the navigation and deep links survive a reload', async () => {
    for (const area of AREAS) {
      await page.getByRole('navigation').getByRole('link', { name: area }).click();
      // Waits for the area's own heading: the previous page's stays until the route changes.
      await page.getByRole('heading', { level: 1, name: new RegExp(area, 'i') }).waitFor();
      // Each area as an empty workspace shows it.
      await expectNoSeriousA11yViolations(page, `shell-${area}`);
    }
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(page.url()).toBe(`${baseUrl}/w/demo/settings/members`);
    await page.getByRole('table').waitFor();
    await screenshot(page, 'shell-settings');
    expect(errors).toEqual([]);
  });

  it('fits a phone: the navigation folds into a menu button', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Programs' }).click();
    await page.waitForURL(`${baseUrl}/w/demo/programs`);
    await page.getByRole('heading', { level: 1, name: 'Programs' }).waitFor();
    await screenshot(page, 'shell-mobile');
    expect(errors).toEqual([]);
  });
});
