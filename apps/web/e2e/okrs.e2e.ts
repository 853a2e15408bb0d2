import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
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
import { expectNoSeriousA11yViolations } from './accessibility.js';
import { collectPageErrors, launchBrowser, pinBrowserClock, screenshot } from './browser.js';
import { signInThroughPage } from './sign-in.js';

const OBJECTIVE = 'Grow podcast listening';
const KEY_RESULT = 'Weekly podcast listeners';
const ALIGNED = 'Launch podcast recommendations';
const METRIC_NAME = 'Playback start latency p95';
const METRIC_KEY = 'playback.start_latency_p95';
/**
 * The instant the test runs at, pinned in the API (`ClockService`) and in the browser, and the
 * one every date below is built from — never the real clock. A Wednesday in the middle of a
 * quarter, so the week-old check-in falls inside the quarter's period (not so on a quarter's
 * first days). Noon UTC: the instant `pinToday` pins. In the past: rows get `created_at` from
 * the database's clock, so a key result is made on or after this day whenever the test runs,
 * and no check-in is due before its first one.
 */
const NOW = '2026-11-18T12:00:00.000Z';
const DAY_MS = 86_400_000;

/** Lets dialogs finish their opening transition before a screenshot. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(400);
}

/** A full-page screenshot from the top, so the fixed header and footer sit where they belong. */
async function pageShot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshot(page, name);
}

/** The quarter holding NOW (UTC), as the period a TPM would set up. */
function currentQuarter(): { name: string; start: string; end: string } {
  const today = new Date(NOW);
  const year = today.getUTCFullYear();
  const quarter = Math.floor(today.getUTCMonth() / 3);
  const start = new Date(Date.UTC(year, quarter * 3, 1));
  const end = new Date(Date.UTC(year, quarter * 3 + 3, 0));
  const day = (date: Date) => date.toISOString().slice(0, 10);
  return { name: `${year} Q${quarter + 1}`, start: day(start), end: day(end) };
}

/** 30 daily p95 latencies around 200 ms ending on NOW's day, the last one a real jump. */
function latencyPoints(): { timestamp: string; value: number }[] {
  const routine = [
    198, 203, 201, 196, 205, 199, 202, 200, 197, 204, 201, 199, 203, 198, 200, 202, 196, 204, 201,
    199, 200, 203, 197, 202, 201, 198, 204, 200, 199,
  ];
  const values = [...routine, 262];
  const today = Date.parse(NOW.slice(0, 10));
  return values.map((value, index) => ({
    timestamp: new Date(today - (values.length - 1 - index) * DAY_MS).toISOString().slice(0, 10),
    value,
  }));
}

/** The day `days` before NOW (UTC), `YYYY-MM-DD`. */
function daysAgo(days: number): string {
  return new Date(Date.parse(NOW) - days * DAY_MS).toISOString().slice(0, 10);
}

async function progressOf(page: Page, name: string): Promise<string | null> {
  return page
    .getByRole('progressbar', { name: `Progress of ${name}`, exact: true })
    .first()
    .getAttribute('aria-valuenow');
}

/** Waits until the named progress bar reports `value` (percent), as a person would see it move. */
async function waitForProgress(page: Page, name: string, value: string): Promise<void> {
  await page
    .locator(`[role="progressbar"][aria-label="Progress of ${name}"][aria-valuenow="${value}"]`)
    .first()
    .waitFor();
}

describe('OKRs and metrics in a real browser', () => {
  let testApp: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let editor: TestUser;
  let viewer: TestUser;
  let token: TestToken;

  beforeAll(async () => {
    testApp = await createTestApp();
    pinToday(testApp, NOW.slice(0, 10));
    const admin = await createUser(testApp, { displayName: 'Dana Admin' });
    editor = await createUser(testApp, { email: 'eli@example.com', displayName: 'Eli Ortiz' });
    viewer = await createUser(testApp, { email: 'vic@example.com', displayName: 'Vic Park' });
    const demo = await createWorkspace(testApp, admin, 'demo');
    await addMember(testApp, demo, editor, 'editor');
    await addMember(testApp, demo, viewer, 'viewer');
    token = await createToken(testApp, editor, demo, 'write');
    baseUrl = await testApp.listen();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await pinBrowserClock(page, NOW);
    errors = collectPageErrors(page, baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('creates a period, an objective, a key result and check-ins, and the progress bar moves', async () => {
    await page.goto(`${baseUrl}/w/demo/okrs`);
    await signInThroughPage(page, editor);
    await page.waitForURL(`${baseUrl}/w/demo/okrs`);
    await page.getByText('No periods yet').waitFor();
    await pageShot(page, 'okrs-empty');

    const quarter = currentQuarter();
    await page.getByRole('button', { name: 'Create a period' }).click();
    const periodDialog = page.getByRole('dialog', { name: 'New period' });
    await periodDialog.getByLabel('Name').fill(quarter.name);
    await periodDialog.getByLabel('First day').fill(quarter.start);
    await periodDialog.getByLabel('Last day').fill(quarter.end);
    await periodDialog.getByRole('button', { name: 'Create period' }).click();
    await page.getByText(`No objectives in ${quarter.name} yet`).waitFor();
    expect(new URL(page.url()).searchParams.get('period')).toMatch(/^[0-9a-f-]{36}$/);

    await page.getByRole('button', { name: 'New objective' }).first().click();
    const objectiveDialog = page.getByRole('dialog', { name: 'New objective' });
    await objectiveDialog.getByLabel('Title').fill(OBJECTIVE);
    expect(await objectiveDialog.getByLabel('Owner').inputValue()).toBe(editor.id);
    await objectiveDialog.getByRole('button', { name: 'Create objective' }).click();
    await page.getByRole('heading', { level: 3, name: OBJECTIVE }).waitFor();
    expect(await progressOf(page, OBJECTIVE)).toBeNull();

    await page.getByRole('button', { name: 'Add key result' }).click();
    const keyResultDialog = page.getByRole('dialog', { name: 'New key result' });
    await keyResultDialog.getByLabel('Title').fill(KEY_RESULT);
    await keyResultDialog.getByLabel('Unit').fill('k');
    await keyResultDialog.getByLabel('Baseline').fill('100');
    await keyResultDialog.getByLabel('Target').fill('100');
    await keyResultDialog.getByRole('button', { name: 'Create key result' }).click();
    // The same rule the API applies, said inline before anything is sent.
    await keyResultDialog.getByText('Must differ from the baseline').waitFor();
    await settle(page);
    await screenshot(page, 'okrs-key-result-form');
    await keyResultDialog.getByLabel('Target').fill('200');
    await keyResultDialog.getByRole('button', { name: 'Create key result' }).click();
    await page.getByRole('link', { name: KEY_RESULT }).waitFor();

    await page.getByRole('button', { name: `Check in on ${KEY_RESULT}` }).click();
    const checkInDialog = page.getByRole('dialog', { name: 'Check in' });
    await checkInDialog.getByLabel('Value').fill('140');
    await checkInDialog.getByText('At risk', { exact: true }).click();
    await checkInDialog.getByLabel('Date').fill(daysAgo(7));
    await checkInDialog.getByLabel('Note').fill('Two new shows launched late.');
    await settle(page);
    await screenshot(page, 'okrs-check-in');
    await checkInDialog.getByRole('button', { name: 'Save check-in' }).click();
    await waitForProgress(page, OBJECTIVE, '40');
    await waitForProgress(page, KEY_RESULT, '40');
    await settle(page);
    await pageShot(page, 'okrs-checked-in');

    await page.getByRole('link', { name: KEY_RESULT }).click();
    await page.getByRole('heading', { level: 1, name: KEY_RESULT }).waitFor();
    await page.getByRole('figure', { name: `Check-ins of ${KEY_RESULT}` }).waitFor();
    expect(await progressOf(page, KEY_RESULT)).toBe('40');
    const form = page.getByRole('form', { name: `Check in on ${KEY_RESULT}` });
    await form.getByLabel('Value').fill('160');
    await form.getByText('On track', { exact: true }).click();
    await form.getByLabel('Note').fill('Recommendations shipped.');
    await form.getByRole('button', { name: 'Save check-in' }).click();
    await waitForProgress(page, KEY_RESULT, '60');
    await page
      .getByRole('region', { name: 'Confidence trail' })
      .getByText('Recommendations shipped.')
      .waitFor();
    await settle(page);
    await pageShot(page, 'okrs-key-result');
    await page.locator('.recharts-line-curve').first().waitFor();

    await page.getByRole('link', { name: /^OKRs · / }).click();
    await waitForProgress(page, OBJECTIVE, '60');
    expect(errors).toEqual([]);
  });

  it('aligns an objective under another and filters the tree by owner', async () => {
    await page.getByRole('button', { name: 'Add aligned objective' }).click();
    const dialog = page.getByRole('dialog', { name: 'New objective' });
    await dialog.getByLabel('Title').fill(ALIGNED);
    await dialog.getByLabel('Owner').selectOption({ label: 'Dana Admin' });
    expect(await dialog.getByLabel('Aligns to').locator('option:checked').textContent()).toBe(
      OBJECTIVE,
    );
    await dialog.getByRole('button', { name: 'Create objective' }).click();
    await page
      .getByRole('list', { name: `Aligned to ${OBJECTIVE}` })
      .getByRole('heading', { level: 3, name: ALIGNED })
      .waitFor();
    await pageShot(page, 'okrs-tree');

    await page.getByLabel('Owner').selectOption({ label: 'Dana Admin' });
    await page.getByText(`↳ Aligned to ${OBJECTIVE}`).waitFor();
    expect(new URL(page.url()).searchParams.get('owner')).toMatch(/^[0-9a-f-]{36}$/);
    await expectNoSeriousA11yViolations(page, 'okrs-filtered-by-owner');
    expect(await page.getByRole('heading', { level: 3, name: OBJECTIVE }).count()).toBe(0);
    await page.getByLabel('Owner').selectOption({ label: 'Everyone' });
    await page.getByRole('heading', { level: 3, name: OBJECTIVE }).waitFor();
    expect(errors).toEqual([]);
  });

  it('shows a viewer the same OKRs and no edit controls', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const viewerPage = await context.newPage();
    await pinBrowserClock(viewerPage, NOW);
    const viewerErrors = collectPageErrors(viewerPage, baseUrl);
    await viewerPage.goto(`${baseUrl}/w/demo/okrs`);
    await signInThroughPage(viewerPage, viewer);
    await viewerPage.getByRole('heading', { level: 3, name: OBJECTIVE }).waitFor();
    await waitForProgress(viewerPage, OBJECTIVE, '60');
    for (const name of ['New objective', 'New period', 'Add key result', 'Edit period']) {
      expect(await viewerPage.getByRole('button', { name }).count()).toBe(0);
    }
    expect(await viewerPage.getByRole('button', { name: /^Check in on/ }).count()).toBe(0);
    await pageShot(viewerPage, 'okrs-viewer');
    await viewerPage.setViewportSize({ width: 390, height: 844 });
    await viewerPage.getByRole('button', { name: 'Open navigation' }).waitFor();
    await settle(viewerPage);
    await pageShot(viewerPage, 'okrs-mobile');
    await context.close();
    expect(viewerErrors).toEqual([]);
  });

  it('creates a metric, takes values pushed with a token, and draws its XmR charts', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Metrics' }).click();
    await page.getByText('No metrics yet').waitFor();
    await expectNoSeriousA11yViolations(page, 'metrics-empty');
    await page.getByRole('button', { name: 'Create a metric' }).click();
    const metricDialog = page.getByRole('dialog', { name: 'New metric' });
    await metricDialog.getByLabel('Name').fill(METRIC_NAME);
    await metricDialog.getByLabel('Key').fill(METRIC_KEY);
    await metricDialog.getByLabel('Unit').fill('ms');
    await metricDialog.getByLabel('Category').selectOption('technical-health');
    await metricDialog.getByLabel('Direction').selectOption('decrease-is-good');
    await metricDialog.getByRole('button', { name: 'Create metric' }).click();
    await page.waitForURL(`${baseUrl}/w/demo/metrics/${METRIC_KEY}`);
    await page.getByRole('heading', { level: 2, name: 'No values yet' }).waitFor();
    await pageShot(page, 'metric-no-values');

    const pushed = await fetch(`${baseUrl}/api/workspaces/demo/metrics/${METRIC_KEY}/points`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token.secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(latencyPoints()),
    });
    expect(pushed.status).toBe(200);

    await page.reload();
    await page.getByRole('figure', { name: `X chart of ${METRIC_NAME}` }).waitFor();
    await page.getByRole('figure', { name: `Moving range chart of ${METRIC_NAME}` }).waitFor();
    expect(await page.locator('[data-signal="true"]').count()).toBeGreaterThan(0);
    await page.getByRole('list', { name: 'Signals, latest first' }).waitFor();

    await page.getByRole('button', { name: 'New guardrail' }).first().click();
    const guardrailDialog = page.getByRole('dialog', { name: 'New guardrail' });
    await guardrailDialog.getByRole('textbox', { name: /^Baseline/ }).fill('200');
    await guardrailDialog.getByLabel('Threshold', { exact: true }).fill('10');
    await guardrailDialog.getByRole('button', { name: 'Create guardrail' }).click();
    await page
      .getByRole('article', { name: `Guardrail on ${METRIC_NAME}` })
      .getByText('Status: Breached')
      .waitFor();
    await page.getByText('Guardrail limit 220 ms').waitFor();
    await settle(page);
    await pageShot(page, 'metric-xmr');

    const xChart = page.getByRole('region', { name: 'Individuals (X) chart' });
    await xChart.getByText('Table', { exact: true }).click();
    await xChart.getByRole('table').waitFor();
    expect(await xChart.getByRole('table').textContent()).toContain('beyond the limits');
    await expectNoSeriousA11yViolations(page, 'metric-xmr-table');

    await page.getByRole('link', { name: 'Metrics', exact: true }).first().click();
    await page.getByRole('img', { name: new RegExp(`^${METRIC_NAME}: 30 values`) }).waitFor();
    await page
      .getByText(/^XmR: Signal: beyond the limits$/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'History (1)' }).click();
    await settle(page);
    await pageShot(page, 'metrics-list');
    expect(errors).toEqual([]);
  });
});
