import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expectNoSeriousA11yViolations } from './accessibility.js';

/** Debian's chromium package; browser downloads are not possible (or wanted) here. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(
  import.meta.dirname,
  '../../../test-results/screenshots',
);

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Pins the page's clock at `instant`: `Date` and `Date.now()` in the app always answer it, while
 * timers keep running. Tests pin it to the same instant as the API's `ClockService`, so the
 * browser and the server agree on "today" whatever day the test runs. Call it right after the
 * page is created, before its first `goto` (a page of another context needs its own call).
 */
export async function pinBrowserClock(page: Page, instant: string | Date): Promise<void> {
  await page.clock.setFixedTime(new Date(instant));
}

/** Everything a page reports that a user would call broken: console errors and uncaught errors. */
export function collectPageErrors(page: Page, baseUrl: string): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      errors.push(`console.${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith(baseUrl) && !request.url().startsWith('data:')) {
      errors.push(`request to another host: ${request.url()}`);
    }
  });
  return errors;
}

/**
 * Checks the page with axe (no serious or critical violation, see accessibility.ts), then saves
 * a full-page screenshot: every page a test shows is also a page it checks for accessibility.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await expectNoSeriousA11yViolations(page, name);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
