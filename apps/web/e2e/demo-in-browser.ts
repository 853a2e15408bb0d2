import type { Browser, Page } from 'playwright-core';
import { bootstrapAccounts } from '../../api/src/bootstrap-accounts.js';
import { ensureDemoSeeded } from '../../api/src/demo/demo-workspace.js';
import { TEST_PASSWORD, type TestUser } from '../../api/test/support/factories.js';
import { pinToday } from '../../api/test/support/okr-factories.js';
import { createTestApp, type TestApp } from '../../api/test/support/test-app.js';
import { collectPageErrors, launchBrowser, pinBrowserClock } from './browser.js';

/** The demo's administrator, as `npm start` creates it. */
export const DEMO_ADMIN: TestUser = {
  id: '',
  email: 'admin@demo.test',
  password: TEST_PASSWORD,
  displayName: 'Administrator',
};

export type DemoInBrowser = {
  testApp: TestApp;
  baseUrl: string;
  browser: Browser;
  page: Page;
  /** What the page reported as broken so far (see `collectPageErrors`). */
  errors: string[];
};

/**
 * What a newcomer gets from `npm start`: the demo workspace seeded around `today` (pinned in the
 * API and in the browser, so no check depends on the day the test runs), served on a real port,
 * and a page of the given size in headless Chromium.
 */
export async function openDemoInBrowser(
  today: string,
  viewport: { width: number; height: number },
): Promise<DemoInBrowser> {
  const testApp = await createTestApp();
  await bootstrapAccounts(testApp.dataSource, {
    adminEmail: DEMO_ADMIN.email,
    adminPassword: DEMO_ADMIN.password,
    demo: true,
  });
  pinToday(testApp, today);
  const outcome = await ensureDemoSeeded(testApp.app, testApp.dataSource, { today });
  if (outcome !== 'seeded') throw new Error(`the demo workspace was not seeded: ${outcome}`);
  const baseUrl = await testApp.listen();
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport });
  // Dates in the browser agree with the API's pinned today; timers keep running.
  await pinBrowserClock(page, `${today}T12:00:00.000Z`);
  return { testApp, baseUrl, browser, page, errors: collectPageErrors(page, baseUrl) };
}
