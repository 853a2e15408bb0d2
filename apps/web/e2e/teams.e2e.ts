import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  addMember,
  createUser,
  createWorkspace,
  type TestUser,
} from '../../api/test/support/factories.js';
import { createTestApp, type TestApp } from '../../api/test/support/test-app.js';
import { expectNoSeriousA11yViolations } from './accessibility.js';
import { collectPageErrors, launchBrowser, screenshot } from './browser.js';
import { signInThroughPage } from './sign-in.js';

/** Three Checkout issues in Jira Cloud's `/rest/api/3/search/jql` shape, one in "Blocked". */
const JIRA_FIXTURE = path.resolve(import.meta.dirname, 'fixtures/jira-search-v3.json');

/** Lets dialogs and drawers finish their opening transition before a screenshot. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(400);
}

async function pageShot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshot(page, name);
}

describe('Teams, settings and the Jira import in a real browser', () => {
  let testApp: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let editor: TestUser;
  let viewer: TestUser;

  beforeAll(async () => {
    testApp = await createTestApp();
    const admin = await createUser(testApp, { displayName: 'Dana Admin' });
    editor = await createUser(testApp, { email: 'eli@example.com', displayName: 'Eli Ortiz' });
    viewer = await createUser(testApp, { email: 'vic@example.com', displayName: 'Vic Park' });
    const demo = await createWorkspace(testApp, admin, 'demo');
    await addMember(testApp, demo, editor, 'editor');
    await addMember(testApp, demo, viewer, 'viewer');
    baseUrl = await testApp.listen();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    errors = collectPageErrors(page, baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('creates a team with a slug from its name and a time zone', async () => {
    await page.goto(`${baseUrl}/w/demo/teams`);
    await signInThroughPage(page, editor);
    await page.getByText('No teams yet').waitFor();
    await page.getByRole('button', { name: 'New team' }).click();
    const dialog = page.getByRole('dialog', { name: 'New team' });
    await dialog.getByLabel('Name').fill('Checkout & Cart');
    expect(await dialog.getByLabel('Slug').inputValue()).toBe('checkout-cart');
    await dialog.getByLabel('Time zone', { exact: true }).fill('Europe/Berl');
    await page.getByRole('option', { name: 'Europe/Berlin' }).click();
    await settle(page);
    await screenshot(page, 'teams-new-team');
    await dialog.getByRole('button', { name: 'Create team' }).click();
    await page.waitForURL(`${baseUrl}/w/demo/teams/checkout-cart?tab=settings`);
    await page.getByRole('heading', { level: 1, name: 'Checkout & Cart' }).waitFor();
    await page.getByText('Europe/Berlin', { exact: false }).first().waitFor();
    expect(errors).toEqual([]);
  });

  it('adds, edits and removes members as capacity', async () => {
    const addOne = async (name: string, percent: string) => {
      await page.getByRole('button', { name: 'Add member' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a member' });
      await dialog.getByLabel('Name').fill(name);
      await dialog.getByLabel('Allocation').fill(percent);
      await dialog.getByRole('button', { name: 'Add member' }).click();
      await page.getByRole('table', { name: 'Members' }).getByText(name).waitFor();
    };
    await addOne('Ana Lima', '100');
    await addOne('Ben Ode', '80');

    await page.getByRole('button', { name: 'Edit Ana Lima' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit member' });
    await edit.getByLabel('Allocation').fill('50');
    await settle(page);
    await screenshot(page, 'teams-edit-member');
    await edit.getByRole('button', { name: 'Save member' }).click();
    const anaRow = page.getByRole('row', { name: /Ana Lima/ });
    await anaRow.getByText('50%').waitFor();

    await page.getByRole('button', { name: 'Remove Ben Ode' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove member' });
    await confirm.getByRole('button', { name: 'Remove member' }).click();
    await page.getByRole('table', { name: 'Members' }).getByText('Ben Ode').waitFor({
      state: 'detached',
    });
    expect(errors).toEqual([]);
  });

  it('saves the calendar and workflow, and they survive a reload', async () => {
    await page.getByRole('checkbox', { name: 'Friday' }).check();
    await page.getByLabel('Holiday', { exact: true }).fill('2024-05-10');
    await page.getByRole('button', { name: 'Add holiday' }).click();
    await page.getByRole('button', { name: /Remove the holiday/ }).waitFor();
    await page.getByLabel('Stage 3 name').fill('Code review');
    await page.getByRole('button', { name: 'Add stage' }).click();
    await page.getByLabel('Stage 4 name').fill('QA');
    const qaStatuses = page.getByRole('combobox', { name: 'Stage 4 statuses' });
    await qaStatuses.fill('Ready for QA');
    await qaStatuses.press('Enter');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('✓ Saved').waitFor();
    await pageShot(page, 'teams-settings-saved');

    await page.reload();
    await page.getByLabel('Stage 3 name').waitFor();
    expect(await page.getByLabel('Stage 3 name').inputValue()).toBe('Code review');
    expect(await page.getByLabel('Stage 4 name').inputValue()).toBe('QA');
    expect(await page.getByRole('checkbox', { name: 'Friday' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: /Remove the holiday/ }).waitFor();
    await page.getByText('Ready for QA', { exact: true }).waitFor();
    expect(errors).toEqual([]);
  });

  it('imports a Jira JSON export through the wizard: mapping, dry run, progress, history', async () => {
    await page.getByRole('tab', { name: 'Import' }).click();
    await page.locator('input[type="file"]').setInputFiles(JIRA_FIXTURE);
    await page.getByRole('radio', { name: /Jira JSON/ }).isChecked();
    await page.getByRole('button', { name: 'Read the file' }).click();

    const blockedStage = page.getByLabel('Stage for Blocked');
    await blockedStage.waitFor();
    await page.getByText('Unknown', { exact: true }).first().waitFor();
    expect(await page.getByLabel('Story points field').inputValue()).toBe('customfield_10016');
    expect(await page.getByLabel('Stage for Done').inputValue()).toBe('Done');
    await pageShot(page, 'teams-import-mapping');
    await blockedStage.selectOption('In Progress');

    await page.getByRole('button', { name: 'Preview the import' }).click();
    await page.getByRole('button', { name: 'Import 3 items' }).waitFor();
    const counts = page.getByLabel('Work items', { exact: true });
    expect(await counts.getByText('New', { exact: true }).locator('..').textContent()).toBe('New3');
    await pageShot(page, 'teams-import-preview');

    await page.getByRole('button', { name: 'Import 3 items' }).click();
    await page.getByText('✓ Import completed').waitFor();
    // The bar the job's progress drove stays, full, above the result.
    await page
      .locator('[role="progressbar"][aria-label="Import progress"][aria-valuenow="100"]')
      .waitFor();
    await pageShot(page, 'teams-import-result');

    const history = page.getByRole('table', { name: 'Import history' });
    const row = history.getByRole('row', { name: /jira-search-v3\.json/ });
    await row.getByText('✓ Completed').waitFor();
    await row.getByText('3 new, 0 changed, 0 unchanged').waitFor();
    await row.getByText('Eli Ortiz').waitFor();
    expect(errors).toEqual([]);
  });

  it('shows the imported items and an item’s history', async () => {
    await page.getByRole('tab', { name: 'Work items' }).click();
    const table = page.getByRole('table', { name: 'Work items' });
    await table.getByRole('button', { name: 'CHK-1: show history' }).waitFor();
    expect(await table.getByRole('row').count()).toBe(4);
    await pageShot(page, 'teams-work-items');

    await table.getByRole('button', { name: 'CHK-1: show history' }).click();
    const drawer = page.getByRole('dialog', { name: /CHK-1/ });
    await drawer.getByText('In Progress → Blocked').waitFor();
    await drawer.getByText('Added to sprint').waitFor();
    await drawer.getByText('3 points → 5 points').waitFor();
    await settle(page);
    await screenshot(page, 'teams-work-item-history');
    await page.keyboard.press('Escape');

    await page.getByLabel('Status', { exact: true }).selectOption('Blocked');
    await page.waitForURL(/status=Blocked/);
    await table.getByRole('button', { name: 'CHK-1: show history' }).waitFor({ state: 'detached' });
    await table.getByRole('button', { name: 'CHK-2: show history' }).waitFor();
    expect(await table.getByRole('row').count()).toBe(2);
    await expectNoSeriousA11yViolations(page, 'teams-work-items-filtered');
    expect(errors).toEqual([]);
  });

  it('shows a viewer the team without edit controls', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const viewerPage = await context.newPage();
    const viewerErrors = collectPageErrors(viewerPage, baseUrl);
    await viewerPage.goto(`${baseUrl}/w/demo/teams/checkout-cart?tab=import`);
    await signInThroughPage(viewerPage, viewer);
    await viewerPage.getByRole('table', { name: 'Import history' }).waitFor();
    expect(await viewerPage.getByRole('button', { name: 'Read the file' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(viewerPage, 'teams-import-as-viewer');
    await viewerPage.getByRole('tab', { name: 'Settings' }).click();
    await viewerPage.getByLabel('Stage 1 name').waitFor();
    expect(await viewerPage.getByRole('button', { name: 'Save settings' }).count()).toBe(0);
    expect(await viewerPage.getByRole('button', { name: 'Add member' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(viewerPage, 'teams-settings-as-viewer');
    await context.close();
    expect(viewerErrors).toEqual([]);
  });
});
