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

/** Lets menus and dialogs finish their opening transition before a screenshot. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(400);
}

/** The value a role picker shows once its change is saved (it is disabled while saving). */
async function savedRole(page: Page, label: string): Promise<string> {
  const select = page.locator(`select[aria-label="${label}"]:enabled`);
  await select.waitFor();
  return select.inputValue();
}

describe('accounts, workspaces and tokens in a real browser', () => {
  let testApp: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let ana: TestUser;

  beforeAll(async () => {
    testApp = await createTestApp();
    ana = await createUser(testApp, { email: 'ana@example.com', displayName: 'Ana Lima' });
    const bo = await createUser(testApp, { email: 'bo@example.com', displayName: 'Bo Chen' });
    const demo = await createWorkspace(testApp, ana, 'demo');
    await addMember(testApp, demo, bo, 'viewer');
    const payments = await createWorkspace(testApp, bo, 'payments');
    await addMember(testApp, payments, ana, 'editor');
    baseUrl = await testApp.listen();
    browser = await launchBrowser();
    page = await browser.newPage();
    errors = collectPageErrors(page, baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('sends a visitor to the sign-in page and, once signed in, into their first workspace', async () => {
    await page.goto(`${baseUrl}/w/demo/settings`);
    await page.waitForURL(`${baseUrl}/sign-in?next=%2Fw%2Fdemo%2Fsettings`);
    await screenshot(page, 'accounts-sign-in');

    await signInThroughPage(page, ana);
    await page.waitForURL(`${baseUrl}/w/demo/settings/members`);
    await page.getByRole('cell', { name: /^Bo Chen/ }).waitFor();
    await screenshot(page, 'accounts-members');
    expect(errors).toEqual([]);
  });

  it('lets an admin change a role and invite someone, who joins through the link', async () => {
    await page.getByLabel('Role of Bo Chen').selectOption('editor');
    expect(await savedRole(page, 'Role of Bo Chen')).toBe('editor');

    await page.getByRole('button', { name: 'Add member' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Email').fill('cy@example.com');
    await dialog.getByLabel('Role').selectOption('viewer');
    await settle(page);
    await screenshot(page, 'accounts-add-member');
    await dialog.getByRole('button', { name: 'Create invite link' }).click();
    const link = await dialog
      .getByRole('textbox', { name: 'Invite link', exact: true })
      .inputValue();
    expect(link).toMatch(new RegExp(`^${baseUrl}/invite/`));
    await settle(page);
    await screenshot(page, 'accounts-invite-link');
    await dialog.getByRole('button', { name: 'Done' }).click();

    const guest = await browser.newPage();
    const guestErrors = collectPageErrors(guest, baseUrl);
    await guest.goto(link);
    await guest.getByLabel(/^Your name/).fill('Cy Diaz');
    await guest.getByLabel(/^Password/).fill('a long enough passphrase');
    await guest.getByLabel(/^Repeat password/).fill('a long enough passphrase');
    await screenshot(guest, 'accounts-accept-invite');
    await guest.getByRole('button', { name: 'Create account and join' }).click();
    await guest.waitForURL(`${baseUrl}/w/demo`);
    await guest.getByRole('button', { name: 'Account: Cy Diaz' }).waitFor();
    await guest.getByRole('heading', { level: 1 }).first().waitFor();
    await expectNoSeriousA11yViolations(guest, 'accounts-guest-landing');
    await guest.close();
    expect(guestErrors).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('switches workspace, keeping the area', async () => {
    await page.getByRole('button', { name: /^Workspace / }).click();
    await page.getByRole('menuitem', { name: /Workspace payments/ }).waitFor();
    await settle(page);
    await screenshot(page, 'accounts-switcher');
    await page.getByRole('menuitem', { name: /Workspace payments/ }).click();

    await page.waitForURL(`${baseUrl}/w/payments/settings/members`);
    // The router switches in a transition: the URL changes while the last workspace's page
    // (which lists Bo Chen too) is still on screen. The header naming payments means the new
    // page has been committed.
    await page.getByRole('button', { name: /Workspace payments/ }).waitFor();
    await page.getByRole('cell', { name: /^Bo Chen/ }).waitFor();
    // An editor there: no admin controls, no audit log.
    expect(await page.getByRole('button', { name: 'Add member' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Audit log' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'accounts-members-as-editor');
    expect(errors).toEqual([]);
  });

  it('creates an API token, shows it once, and the token works', async () => {
    await page.getByRole('tab', { name: 'API tokens' }).click();
    await page.waitForURL(`${baseUrl}/w/payments/settings/tokens`);
    await page.getByText('You have no API tokens for this workspace yet.').waitFor();
    await expectNoSeriousA11yViolations(page, 'accounts-no-tokens');
    await page.getByLabel('Name').fill('Warehouse sync');
    await page.getByLabel('Scope').selectOption('read');
    await page.getByRole('button', { name: 'Create token' }).click();

    const secretField = page.getByLabel('New API token');
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^brg_/);
    await page.getByRole('cell', { name: /^Warehouse sync/ }).waitFor();
    await screenshot(page, 'accounts-token-created');

    const viaToken = await fetch(`${baseUrl}/api/workspaces/payments/members`, {
      headers: { Authorization: `Bearer ${secret}` },
    });
    expect(viaToken.status).toBe(200);

    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.reload();
    await page.getByRole('cell', { name: /^Warehouse sync/ }).waitFor();
    expect(await page.content()).not.toContain(secret);
    await screenshot(page, 'accounts-tokens');
    expect(errors).toEqual([]);
  });

  it("shows an admin the workspace's audit log", async () => {
    await page.getByRole('button', { name: /^Workspace / }).click();
    await page.getByRole('menuitem', { name: /Workspace demo/ }).click();
    await page.waitForURL(`${baseUrl}/w/demo/settings/tokens`);
    await page.getByRole('tab', { name: 'Audit log' }).click();
    await page.waitForURL(`${baseUrl}/w/demo/settings/audit`);
    await page.getByRole('cell', { name: 'Created the workspace' }).waitFor();
    await page.getByRole('cell', { name: 'Joined through an invite link' }).waitFor();
    await page.getByRole('cell', { name: 'bo@example.com: viewer → editor' }).waitFor();
    await screenshot(page, 'accounts-audit');
    expect(errors).toEqual([]);
  });

  it('signs out to the sign-in page, after which workspace pages send there too', async () => {
    await page.getByRole('button', { name: 'Account: Ana Lima' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(`${baseUrl}/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

    await page.goto(`${baseUrl}/w/demo/settings/members`);
    await page.waitForURL(`${baseUrl}/sign-in?next=%2Fw%2Fdemo%2Fsettings%2Fmembers`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(errors).toEqual([]);
  });
});
