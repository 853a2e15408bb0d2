import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { Scheduler } from '../../api/src/jobs/scheduler.js';
import {
  addMember,
  createToken,
  createUser,
  createWorkspace,
  type TestToken,
  type TestUser,
} from '../../api/test/support/factories.js';
import { pinToday } from '../../api/test/support/okr-factories.js';
import { createTestApp, type TestApp } from '../../api/test/support/test-app.js';
import { collectPageErrors, launchBrowser, pinBrowserClock, screenshot } from './browser.js';
import { signInThroughPage } from './sign-in.js';

const PROGRAM = 'Checkout rebuild';
/**
 * The instant the test runs at, pinned in the API (`ClockService`) and in the browser: a
 * Wednesday, so neither the weekly digest nor the report reminder (both on the review weekday,
 * Monday) lands in the follower's inbox beside the published report, whatever day the test runs.
 */
const NOW = '2026-11-18T12:00:00.000Z';
const DAY_MS = 86_400_000;
/** The bell asks every 30 s; after the tick that delivers, its count rises within one poll. */
const BELL_RISES_WITHIN_MS = 90_000;

/** The day `days` from NOW (negative: before), `YYYY-MM-DD`. */
function dayFromNow(days: number): string {
  return new Date(Date.parse(NOW) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of NOW's week, `YYYY-MM-DD`: the week a report is written for. */
function thisWeeksMonday(): string {
  const daysSinceMonday = (new Date(NOW).getUTCDay() + 6) % 7;
  return dayFromNow(-daysSinceMonday);
}

describe('Notifications in a real browser', () => {
  let testApp: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let admin: TestUser;
  let follower: TestUser;
  let token: TestToken;
  let programId: string;
  let reportId: string;

  /** Writes through the public API with the program owner's token, as an integration would. */
  async function api<T>(method: string, path: string, body: unknown): Promise<T> {
    const response = await fetch(`${baseUrl}/api/workspaces/demo${path}`, {
      method,
      headers: { Authorization: `Bearer ${token.secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    pinToday(testApp, NOW.slice(0, 10));
    admin = await createUser(testApp, { displayName: 'Dana Admin' });
    const owner = await createUser(testApp, {
      email: 'tia@example.com',
      displayName: 'Tia Moreno',
    });
    follower = await createUser(testApp, { email: 'sam@example.com', displayName: 'Sam Ortiz' });
    const demo = await createWorkspace(testApp, admin, 'demo');
    await addMember(testApp, demo, owner, 'editor');
    await addMember(testApp, demo, follower, 'viewer');
    token = await createToken(testApp, owner, demo, 'write');
    baseUrl = await testApp.listen();

    const program = await api<{ id: string }>('POST', '/programs', {
      name: PROGRAM,
      description: 'A new checkout on the payments platform.',
      ownerId: owner.id,
      start: dayFromNow(-60),
    });
    programId = program.id;

    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await pinBrowserClock(page, NOW);
    errors = collectPageErrors(page, baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('a viewer follows a program; its report is published and the bell count rises', async () => {
    await page.goto(`${baseUrl}/w/demo/programs/${programId}`);
    await signInThroughPage(page, follower);
    await page.getByRole('heading', { level: 1, name: PROGRAM }).waitFor();
    await page.getByRole('button', { name: 'Notifications, none unread' }).waitFor();

    const follow = page.getByRole('button', { name: `Follow ${PROGRAM}`, exact: true });
    await follow.and(page.locator(':enabled')).waitFor();
    expect(await follow.getAttribute('aria-pressed')).toBe('false');
    await follow.click();
    await page.getByRole('button', { name: `Following ${PROGRAM}`, pressed: true }).waitFor();

    // The owner drafts and publishes the week's report through the API, as a script would; the
    // scheduler's next tick (run here rather than waited for) delivers what the outbox holds.
    const draft = await api<{ id: string }>('POST', `/programs/${programId}/reports`, {
      week: thisWeeksMonday(),
    });
    reportId = draft.id;
    await api('POST', `/programs/${programId}/reports/${reportId}/publish`, {});
    await testApp.app.get(Scheduler).tick();

    // No reload: the bell asks again on its own.
    const bell = page.getByRole('button', { name: 'Notifications, 1 unread' });
    await bell.waitFor({ timeout: BELL_RISES_WITHIN_MS });
    expect(await bell.textContent()).toBe('1');

    await bell.click();
    const inbox = page.getByRole('dialog', { name: 'Notifications' });
    const title = inbox.getByRole('link', {
      name: /^Checkout rebuild: status report for the week of/,
    });
    await title.waitFor();
    await expect(inbox.textContent()).resolves.toContain('Report published');
    await screenshot(page, 'notifications-inbox');

    await title.click();
    await page.waitForURL(`${baseUrl}/w/demo/programs/${programId}/reports/${reportId}`);
    await page.getByRole('button', { name: 'Notifications, none unread' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('shows the follower their preferences and the admin the delivery log', async () => {
    await page.goto(`${baseUrl}/account/notifications`);
    await page.getByRole('heading', { level: 1, name: 'Notification preferences' }).waitFor();
    await page.getByRole('checkbox', { name: 'Email for Report published' }).waitFor();
    await screenshot(page, 'notification-preferences');

    const adminPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await pinBrowserClock(adminPage, NOW);
    const adminErrors = collectPageErrors(adminPage, baseUrl);
    await adminPage.goto(`${baseUrl}/w/demo/settings/notifications`);
    await signInThroughPage(adminPage, admin);
    await adminPage.getByRole('heading', { name: 'Channels' }).waitFor();
    // The test app has no SMTP server: the page says email is off.
    await adminPage.getByText('Email is off').waitFor();
    const log = adminPage.getByRole('table', { name: 'Deliveries, newest first' });
    const samsDelivery = log.getByRole('row').filter({ hasText: 'Sam Ortiz' });
    await samsDelivery.getByText('Sent', { exact: true }).waitFor();
    expect(await samsDelivery.count()).toBe(1);
    await screenshot(adminPage, 'notification-settings');
    await adminPage.close();
    expect(adminErrors).toEqual([]);
    expect(errors).toEqual([]);
  });
});
