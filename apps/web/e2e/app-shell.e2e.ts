import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../../api/test/support/test-app.js';
import { collectPageErrors, launchBrowser, screenshot } from './browser.js';

const AREAS = ['Portfolio', 'Programs', 'Teams', 'OKRs', 'Metrics', 'Reviews', 'Settings'];

describe('the app shell in a real browser', () => {
  let testApp: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    testApp = await createTestApp();
    baseUrl = await testApp.listen();
    browser = await launchBrowser();
    page = await browser.newPage();
    errors = collectPageErrors(page, baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('renders the shell with navigation, version and readiness, without console errors', async () => {
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(`${baseUrl}/w/demo`);
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
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const heading = await page.getByRole('heading', { level: 1 }).first().textContent();
      expect(heading).toMatch(new RegExp(area, 'i'));
    }
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(page.url()).toBe(`${baseUrl}/w/demo/settings`);
    await screenshot(page, 'shell-settings');
    expect(errors).toEqual([]);
  });
});
