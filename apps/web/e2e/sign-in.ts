import type { Page } from 'playwright-core';
import type { TestUser } from '../../api/test/support/factories.js';

/** Signs in through the sign-in page, as a person would; the page must show that form. */
export async function signInThroughPage(page: Page, user: TestUser): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel(/^Password/).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: `Account: ${user.displayName}` }).waitFor();
}
