import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { makeInstanceAdmin } from '../../api/src/accounts/user-admin.repository.js';
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

describe('instance administration and invitations in a real browser', () => {
  let testApp: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let ana: TestUser;
  let bo: TestUser;
  let cy: TestUser;

  beforeAll(async () => {
    testApp = await createTestApp();
    ana = await createUser(testApp, { email: 'ana@example.com', displayName: 'Ana Lima' });
    await makeInstanceAdmin(testApp.dataSource.manager, ana.id);
    bo = await createUser(testApp, { email: 'bo@example.com', displayName: 'Bo Chen' });
    cy = await createUser(testApp, { email: 'cy@example.com', displayName: 'Cy Diaz' });
    const demo = await createWorkspace(testApp, ana, 'demo');
    await addMember(testApp, demo, bo, 'viewer');
    baseUrl = await testApp.listen();
    browser = await launchBrowser();
    page = await browser.newPage();
    errors = collectPageErrors(page, baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('deactivates an account after a confirm: its open session is signed out', async () => {
    const boPage = await browser.newPage();
    await boPage.goto(`${baseUrl}/w/demo`);
    await signInThroughPage(boPage, bo);

    await page.goto(`${baseUrl}/sign-in`);
    await signInThroughPage(page, ana);
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.waitForURL(`${baseUrl}/admin`);
    await page.getByRole('cell', { name: 'bo@example.com' }).waitFor();
    await page.getByLabel('Search').fill('bo@');
    await page.getByRole('cell', { name: 'ana@example.com' }).waitFor({ state: 'detached' });
    await expectNoSeriousA11yViolations(page, 'admin-users');
    await screenshot(page, 'admin-users');

    await page.getByRole('button', { name: 'Deactivate Bo Chen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deactivate account' });
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Deactivated', { exact: true }).waitFor();

    await boPage.reload();
    await boPage.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await boPage.close();
    expect(errors).toEqual([]);
  });

  it('keeps workspace creation to instance admins until the setting changes', async () => {
    await page.getByRole('tab', { name: 'Settings' }).click();
    const onlyAdmins = page.getByRole('radio', { name: /Instance administrators only/ });
    await onlyAdmins.waitFor();
    expect(await onlyAdmins.isChecked()).toBe(true);
    await expectNoSeriousA11yViolations(page, 'admin-settings');
    await page.getByRole('tab', { name: 'Audit log' }).click();
    await page.getByRole('cell', { name: 'Deactivated an account' }).waitFor();
    await screenshot(page, 'admin-audit');
    expect(errors).toEqual([]);
  });

  it('invites an existing account, who joins by accepting the invitation', async () => {
    await page.goto(`${baseUrl}/w/demo/settings/members`);
    await page.getByRole('button', { name: 'Add member' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Email').fill(cy.email);
    await dialog.getByLabel('Role').selectOption('editor');
    await dialog.getByRole('button', { name: 'Create invite link' }).click();
    await dialog.getByText(/is invited as editor/).waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();

    const cyPage = await browser.newPage();
    const cyErrors = collectPageErrors(cyPage, baseUrl);
    await cyPage.goto(`${baseUrl}/sign-in`);
    await signInThroughPage(cyPage, cy);
    await cyPage.getByRole('heading', { level: 1, name: 'No workspace yet' }).waitFor();
    await cyPage.getByText('Ana Lima invited you to join Workspace demo as editor').waitFor();
    await expectNoSeriousA11yViolations(cyPage, 'invitation-banner');
    await screenshot(cyPage, 'invitation-banner');
    await cyPage.getByRole('button', { name: 'Accept the invitation to Workspace demo' }).click();
    await cyPage.waitForURL(new RegExp(`^${baseUrl}/w/demo`));
    await cyPage.getByRole('button', { name: /^Workspace / }).waitFor();
    await cyPage.close();
    expect(cyErrors).toEqual([]);
    expect(errors).toEqual([]);
  });
});
