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
import { createTestApp, type TestApp } from '../../api/test/support/test-app.js';
import { collectPageErrors, launchBrowser, screenshot } from './browser.js';
import { signInThroughPage } from './sign-in.js';

const PROGRAM = 'Checkout rebuild';
const SLIPPED = 'Payments beta';
const RISK = 'Payment vendor may miss the PCI audit';
const SUMMARY = 'Beta slipped three weeks; the vendor audit is the critical path.';
const OVERRIDE_REASON = 'Vendor audit failed twice; no recovery plan yet.';

/** The day `days` from today (UTC; negative: before), `YYYY-MM-DD`. */
function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Lets dialogs and charts finish their transitions before a screenshot. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(400);
}

async function pageShot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await settle(page);
  await screenshot(page, name);
}

describe('Programs and the weekly review in a real browser', () => {
  let testApp: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let editor: TestUser;
  let token: TestToken;
  let programId: string;

  /** Writes through the public API with the editor's token, as an integration would. */
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
    const admin = await createUser(testApp, { displayName: 'Dana Admin' });
    editor = await createUser(testApp, { email: 'tia@example.com', displayName: 'Tia Moreno' });
    const demo = await createWorkspace(testApp, admin, 'demo');
    await addMember(testApp, demo, editor, 'editor');
    token = await createToken(testApp, editor, demo, 'write');
    baseUrl = await testApp.listen();

    const program = await api<{ id: string }>('POST', '/programs', {
      name: PROGRAM,
      description: 'A new checkout on the payments platform.',
      ownerId: editor.id,
      start: dayFromToday(-60),
    });
    programId = program.id;
    const slipped = await api<{ id: string; version: number }>(
      'POST',
      `/programs/${programId}/milestones`,
      { name: SLIPPED, baselineDate: dayFromToday(10) },
    );
    // Two moves: a week, then two more — three weeks late against the original plan.
    const moved = await api<{ version: number }>(
      'PATCH',
      `/programs/${programId}/milestones/${slipped.id}`,
      { currentDate: dayFromToday(17), reason: 'Vendor sandbox late', version: slipped.version },
    );
    await api('PATCH', `/programs/${programId}/milestones/${slipped.id}`, {
      currentDate: dayFromToday(31),
      reason: 'PCI audit failed',
      version: moved.version,
    });
    await api('POST', `/programs/${programId}/milestones`, {
      name: 'General availability',
      baselineDate: dayFromToday(45),
    });
    await api('POST', `/programs/${programId}/raid`, {
      kind: 'risk',
      title: RISK,
      probability: 4,
      impact: 5,
      ownerId: editor.id,
    });
    const platform = await api<{ id: string }>('POST', '/programs', {
      name: 'Payments platform',
      ownerId: editor.id,
      start: dayFromToday(-90),
    });
    await api('POST', `/programs/${programId}/dependencies`, {
      from: { kind: 'program', id: programId },
      to: { kind: 'program', id: platform.id },
      description: 'Tokenised card vault',
      needBy: dayFromToday(-3),
    });
    await api('POST', `/programs/${programId}/raid`, {
      kind: 'assumption',
      title: 'Traffic stays below 2k orders a minute',
      probability: 2,
      impact: 3,
    });

    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    errors = collectPageErrors(page, baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('shows the program: milestones against their baseline and the RAID heat map', async () => {
    await page.goto(`${baseUrl}/w/demo/programs/${programId}`);
    await signInThroughPage(page, editor);
    await page.getByRole('heading', { level: 1, name: PROGRAM }).waitFor();
    await page.getByRole('figure', { name: 'Milestones: baseline against current date' }).waitFor();
    await page
      .getByText('3 weeks late against the original plan', { exact: false })
      .first()
      .waitFor();

    const highCell = page.getByRole('button', {
      name: 'Probability 4, impact 5, items: 1, high · 20',
    });
    await highCell.waitFor();
    const dependencies = page.getByRole('table', { name: 'Dependencies' });
    await dependencies.getByText('Tokenised card vault').waitFor();
    await expect(dependencies.textContent()).resolves.toContain('Overdue');
    await pageShot(page, 'program-page');

    await page.getByRole('button', { name: `History of ${SLIPPED}` }).click();
    await page.getByText('PCI audit failed').waitFor();

    await highCell.click();
    await page.getByRole('heading', { name: 'Items rated probability 4, impact 5' }).waitFor();
    const rows = page.getByRole('table', { name: 'RAID items' }).locator('tbody tr');
    expect(await rows.count()).toBe(1);
    await expect(rows.first().textContent()).resolves.toContain(RISK);

    // Editing an item keeps what changed in its history. Once owned (handled per ROAM) it leaves
    // the open items the heat map counts by default, and shows again with "All".
    await page.getByRole('button', { name: `Edit ${RISK}` }).click();
    const raidDialog = page.getByRole('dialog', { name: 'Edit RAID item' });
    await raidDialog.getByLabel('Status').selectOption('owned');
    await raidDialog.getByRole('button', { name: 'Save item' }).click();
    await raidDialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: /^Probability 4, impact 5, items: 0,/ }).waitFor();
    await page
      .getByRole('radiogroup', { name: 'RAID items counted' })
      .getByText('All', { exact: true })
      .click();
    await rows.filter({ hasText: 'Owned' }).first().waitFor();
    await page.getByRole('button', { name: `Edit ${RISK}` }).click();
    await raidDialog.getByText('status open → owned').waitFor();
    await settle(page);
    await screenshot(page, 'program-raid-edit');
    await raidDialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('drafts, edits and publishes the week’s report, then finds it in the history', async () => {
    await page.getByRole('link', { name: 'Reviews' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Reviews' }).waitFor();
    await page.getByRole('button', { name: `Generate draft for ${PROGRAM}` }).waitFor();
    await pageShot(page, 'reviews-page');

    await page.getByRole('button', { name: `Generate draft for ${PROGRAM}` }).click();
    await page.waitForURL(/\/w\/demo\/programs\/[0-9a-f-]{36}\/reports\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'The draft' }).waitFor();
    // The slipped milestone drove the suggestion, with its original date.
    const numbers = page.getByRole('region', { name: 'The numbers behind it' });
    await numbers.getByText(SLIPPED, { exact: false }).first().waitFor();
    expect(await page.getByLabel('Health', { exact: true }).inputValue()).toBe('at-risk');

    await page.getByLabel('Summary').fill(SUMMARY);
    await page.getByLabel('Health', { exact: true }).selectOption('off-track');
    await page.getByRole('button', { name: 'Save draft' }).click();
    // Overriding the suggestion needs a reason: said before anything is sent.
    await page
      .getByText('Say why the health is off track when the data suggests at risk')
      .waitFor();
    await page.getByLabel('Health reason').fill(OVERRIDE_REASON);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page
      .getByRole('button', { name: 'Publish', exact: true })
      .and(page.locator(':enabled'))
      .waitFor();
    await pageShot(page, 'report-editor');

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Publish this report?' });
    await settle(page);
    await screenshot(page, 'report-publish-confirm');
    await confirm.getByRole('button', { name: 'Publish report' }).click();
    await page.getByRole('heading', { name: 'The report', exact: true }).waitFor();
    await page.getByText(OVERRIDE_REASON).first().waitFor();
    await pageShot(page, 'report-published');

    await page.getByRole('link', { name: PROGRAM }).first().click();
    await page.getByRole('heading', { level: 1, name: PROGRAM }).waitFor();
    const history = page.getByRole('table', { name: 'Published reports' });
    await history.waitFor();
    await expect(history.textContent()).resolves.toContain('Off track');
    await pageShot(page, 'program-report-history');

    await history.getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Audience preview' }).waitFor();
    await page.locator('#main-content').getByText('Executive', { exact: true }).click();
    const rendering = page.getByRole('document', { name: 'Executive rendering' });
    await rendering.getByText(SUMMARY).waitFor();
    await rendering.scrollIntoViewIfNeeded();
    await settle(page);
    await screenshot(page, 'report-audience-executive');

    // Print (and Save as PDF): the audience's rendering without the app's navigation.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Workspace' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Copy Markdown' }).isVisible()).toBe(false);
    expect(await rendering.isVisible()).toBe(true);
    await pageShot(page, 'report-print');
    await page.emulateMedia({ media: 'screen' });

    expect(errors).toEqual([]);
  });
});
