import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { ClockService } from '../../api/src/common/clock/clock.service.js';
import { createTeam, type TestTeam } from '../../api/test/support/delivery-factories.js';
import {
  addMember,
  createUser,
  createWorkspace,
  type TestUser,
} from '../../api/test/support/factories.js';
import { BOARD_ID, FakeJira } from '../../api/test/support/fake-jira/fake-jira.js';
import { createTestApp, type TestApp } from '../../api/test/support/test-app.js';
import { collectPageErrors, launchBrowser, pinBrowserClock, screenshot } from './browser.js';
import { signInThroughPage } from './sign-in.js';

/**
 * The instant the test runs at, pinned in the API (`ClockService`) and in the browser: just after
 * the fake Jira's generated project (two-week sprints from 2026-01-05, edits up to 03-02 09:00).
 */
const NOW = '2026-03-02T12:00:00.000Z';
/** The personal access token the fake Data Center accepts: it must never show on a page. */
const TOKEN = 'fake-dc-pat-0123456789-never-shown';
/** Issues in the fake Jira's project. */
const ISSUES = 40;

describe('A team synced from Jira, in a real browser', () => {
  let testApp: TestApp;
  let jira: FakeJira;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let admin: TestUser;
  let team: TestTeam;

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await createUser(testApp, { displayName: 'Dana Admin' });
    const demo = await createWorkspace(testApp, admin, 'demo');
    const viewer = await createUser(testApp, { email: 'vic@example.com', displayName: 'Vic' });
    await addMember(testApp, demo, viewer, 'viewer');
    jest.spyOn(testApp.app.get(ClockService), 'now').mockImplementation(() => new Date(NOW));
    team = await createTeam(testApp, demo, { name: 'Payments' });
    jira = await FakeJira.start({ flavour: 'data-center', token: TOKEN });
    jira.generate({ count: ISSUES });
    baseUrl = await testApp.listen();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await pinBrowserClock(page, NOW);
    errors = collectPageErrors(page, baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await jira?.close();
    await testApp?.close();
  });

  it('adds a Data Center connection in Settings and tests it', async () => {
    await page.goto(`${baseUrl}/w/demo/settings/jira`);
    await signInThroughPage(page, admin);
    await page.getByText(/No Jira connection yet/).waitFor();
    await page.getByRole('button', { name: 'Add connection' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a Jira connection' });
    await dialog.getByText('Data Center / Server').click();
    await dialog.getByLabel('Name').fill('Intranet Jira');
    await dialog.getByLabel('Address').fill(jira.url);
    await dialog.getByLabel('Personal access token').fill(TOKEN);
    await dialog.getByRole('button', { name: 'Add connection' }).click();
    await page.getByText('Intranet Jira works').waitFor();
    await page.getByText(/^Signed in as .+ to Jira /).waitFor();
    await screenshot(page, 'jira-connections');
    expect(await page.content()).not.toContain(TOKEN);
    expect(errors).toEqual([]);
  });

  it('configures the team source with Jira’s fields, shows the webhook address once, and queues a sync', async () => {
    await page.goto(`${baseUrl}/w/demo/teams/${team.slug}?tab=source`);
    await page.getByLabel('JQL').fill('project = PAY');
    await page.getByLabel('Board id').fill(String(BOARD_ID));
    await page.getByRole('combobox', { name: 'Story points field' }).click();
    await page.getByRole('option', { name: 'Story Points (customfield_10016)' }).click();
    await page.getByRole('button', { name: 'Connect to Jira' }).click();

    // The webhook address is shown this once.
    const address = page.getByRole('textbox', { name: 'Webhook address' });
    await address.waitFor();
    expect(await address.inputValue()).toMatch(/\/api\/hooks\/jira\/[0-9a-f-]{36}\/[\w-]+$/);
    await page.getByRole('button', { name: 'I have copied it' }).click();

    await page.getByRole('button', { name: 'Sync now' }).click();
    // The sync is queued and listed at once, with what started it. A new source is due at once,
    // so the minute scheduler may have queued its first sync just before: "Sync now" then
    // answers with that run (one sync per team at a time), listed as started by the schedule.
    const history = page.getByRole('table', { name: 'Syncs, newest first' });
    const run = history.getByRole('row').filter({
      has: page.getByRole('cell', { name: /^(Sync now|Schedule)$/ }),
    });
    await run.first().waitFor();
    // The page follows the run to its end without a reload, with what it wrote.
    await run.filter({ hasText: 'Succeeded' }).first().waitFor();
    expect(await run.first().getByRole('cell').nth(3).innerText()).toBe(String(ISSUES));
    await screenshot(page, 'jira-source-tab');
    expect(await page.content()).not.toContain(TOKEN);
    expect(errors).toEqual([]);
  });

  it('fills the team dashboard with the synced issues and Jira’s sprints', async () => {
    await page.getByRole('tab', { name: 'Delivery' }).click();
    await page.getByRole('tab', { name: 'Delivery', selected: true }).waitFor();
    await expectChartDrawn('Cycle time', '.recharts-scatter circle');
    await expectChartDrawn('Weekly throughput', '.recharts-bar-rectangle path');
    await expectChartDrawn('Velocity', '.recharts-bar-rectangle path');
    // The sprints are Jira's own (the Agile API's names), and the finished items are Jira's keys.
    const velocity = await tableText('Velocity');
    for (const sprint of ['PAY Sprint 1', 'PAY Sprint 2', 'PAY Sprint 3']) {
      expect(velocity).toContain(sprint);
    }
    expect(await tableText('Cycle time')).toMatch(/\bPAY-\d+\b/);
    await screenshot(page, 'jira-synced-dashboard');
    expect(errors).toEqual([]);
  });

  /** The dashboard's chart of `title`. */
  function chartSection(title: string) {
    return page.getByRole('region', { name: title, exact: true });
  }

  async function expectChartDrawn(title: string, selector: string): Promise<void> {
    await chartSection(title).locator(`svg.recharts-surface ${selector}`).first().waitFor();
  }

  /** Switches a chart to its table, returns the table's text, switches back. */
  async function tableText(title: string): Promise<string> {
    const section = chartSection(title);
    const shownAs = section.getByRole('radiogroup', { name: `Show ${title} as` });
    await shownAs.getByText('Table').click();
    const table = section.getByRole('table').first();
    await table.waitFor();
    const text = await table.innerText();
    await shownAs.getByText('Chart').click();
    return text;
  }
});
