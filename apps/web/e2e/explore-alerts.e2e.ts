import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { AlertEvaluation } from '../../api/src/alerts/alert-evaluation.service.js';
import { ALERT_RULE_TEMPLATES } from '../../api/src/alerts/templates/alert-rule-templates.js';
import {
  addMember,
  createToken,
  createUser,
  createWorkspace,
  type TestToken,
  type TestUser,
} from '../../api/test/support/factories.js';
import { createMetric, pinToday } from '../../api/test/support/okr-factories.js';
import { createTestApp, type TestApp } from '../../api/test/support/test-app.js';
import { collectPageErrors, launchBrowser, pinBrowserClock, screenshot } from './browser.js';
import { signInThroughPage } from './sign-in.js';

/**
 * The instant the test runs at, pinned in the API (`ClockService`) and in the browser: the
 * query's `ago()`, the rule's test window and its run all count back from it, never from the
 * real clock. Noon UTC, the instant `pinToday` pins.
 */
const NOW = '2026-11-18T12:00:00.000Z';
const DAY_MS = 86_400_000;
const METRIC_KEY = 'latency';
const QUERY = [
  'MetricPoints',
  `| where metric == "${METRIC_KEY}" and timestamp > ago(30d)`,
  '| summarize avg(value) by bin(timestamp, 1d)',
  '| render timechart',
].join('\n');
const SAVED_QUERY = 'Daily latency';
const RULE = 'Daily latency above 250 ms';

/** 30 daily latencies around 200 ms ending on NOW's day, the last one a real jump to 262. */
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

/** Lets dialogs and charts finish their transitions before a screenshot. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(400);
}

async function pageShot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshot(page, name);
}

describe('Explore and alert rules in a real browser', () => {
  let testApp: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let editor: TestUser;
  let token: TestToken;

  beforeAll(async () => {
    testApp = await createTestApp();
    pinToday(testApp, NOW.slice(0, 10));
    const admin = await createUser(testApp, { displayName: 'Dana Admin' });
    editor = await createUser(testApp, { email: 'eli@example.com', displayName: 'Eli Ortiz' });
    const workspace = await createWorkspace(testApp, admin, 'demo');
    await addMember(testApp, workspace, editor, 'editor');
    await createMetric(testApp, workspace, { key: METRIC_KEY, direction: 'decrease-is-good' });
    token = await createToken(testApp, editor, workspace, 'write');
    baseUrl = await testApp.listen();
    // The points arrive as a script would send them, through the API with a token.
    const pushed = await fetch(`${baseUrl}/api/workspaces/demo/metrics/${METRIC_KEY}/points`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token.secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(latencyPoints()),
    });
    expect(pushed.status).toBe(200);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await pinBrowserClock(page, NOW);
    errors = collectPageErrors(page, baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('writes a query on Explore, charts it, saves it and makes it an alert rule', async () => {
    await page.goto(`${baseUrl}/w/demo/explore`);
    await signInThroughPage(page, editor);
    await page.waitForURL(`${baseUrl}/w/demo/explore`);

    const editorBox = page.getByRole('textbox', { name: 'Query' });
    await editorBox.fill(QUERY);
    await page.getByRole('button', { name: 'Run' }).click();
    const chart = page.getByRole('region', { name: 'Query chart' });
    await chart.waitFor();
    await chart.locator('.recharts-line-curve').first().waitFor();
    await page.getByRole('table', { name: 'Query results' }).getByText('262').waitFor();
    await settle(page);
    await pageShot(page, 'explore-chart');

    await page.getByRole('button', { name: 'Save query' }).click();
    const saveDialog = page.getByRole('dialog', { name: 'Save query' });
    await saveDialog.getByLabel('Name').fill(SAVED_QUERY);
    await saveDialog.getByRole('button', { name: 'Save', exact: true }).click();
    await saveDialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Saved queries' }).click();
    const savedDialog = page.getByRole('dialog');
    await savedDialog.getByText(SAVED_QUERY).first().waitFor();
    await page.keyboard.press('Escape');
    await savedDialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Create alert rule' }).click();
    await page.waitForURL(/\/w\/demo\/alerts\/rules\/new\?query=/);
    const ruleQuery = page.getByRole('textbox', { name: 'Query' });
    await ruleQuery.waitFor();
    expect(await ruleQuery.innerText()).toBe(QUERY);

    await page.getByLabel('Name').fill(RULE);
    await page.getByLabel('Every (minutes)').fill('60');
    await page.getByLabel('Lookback (minutes)').fill('2880');
    await page.getByLabel('Trigger column').fill('avg_value');
    await page.getByLabel('Operator').selectOption('>');
    await page.getByLabel('Threshold').fill('250');
    await page.getByLabel('Severity').selectOption('high');
    await page.getByLabel('Suppress (minutes)').fill('240');
    await page.getByLabel('Test over (days)').fill('7');
    await page.getByRole('button', { name: 'Test rule' }).click();

    const preview = page.getByRole('region', { name: 'Test result' });
    await preview.getByText('Would fire', { exact: true }).waitFor();
    // Seven days back from noon on NOW's day: the seven daily averages, the last one above 250.
    expect(await preview.getByRole('status', { name: 'Test summary' }).textContent()).toBe(
      'Over the last 7 days: 7 rows, 1 matching the trigger. One alert would fire.',
    );
    await preview.getByRole('table', { name: 'Rows of the test' }).getByText('262').waitFor();
    await settle(page);
    await pageShot(page, 'alert-rule-editor');

    await page.getByRole('button', { name: 'Save rule' }).click();
    await page.waitForURL(`${baseUrl}/w/demo/alerts/rules`);
    const rules = page.getByRole('table', { name: 'Alert rules' });
    await rules.getByRole('link', { name: RULE, exact: true }).waitFor();
    await rules.getByText('every 1 h').waitFor();
    await rules.getByText('Fires when avg_value > 250 in any row').waitFor();
    expect(await rules.getByRole('switch', { name: `Enabled: ${RULE}` }).isChecked()).toBe(true);
    await settle(page);
    await pageShot(page, 'alert-rules');
    expect(errors).toEqual([]);
  });

  it('shows the alert the rule fires on the Alerts page, firing, and acknowledges it', async () => {
    const listed = await testApp.http
      .get('/api/workspaces/demo/alert-rules')
      .set('Authorization', `Bearer ${token.secret}`);
    const rule = (listed.body as { items: { id: string; name: string }[] }).items.find(
      (candidate) => candidate.name === RULE,
    );
    if (!rule) throw new Error('the rule was not saved');
    // The run the scheduler makes: the rule's query over its lookback at the pinned instant.
    await testApp.app.get(AlertEvaluation).evaluate(rule.id, new Date(NOW));

    await page.getByRole('navigation').getByRole('link', { name: 'Alerts', exact: true }).click();
    await page.waitForURL(`${baseUrl}/w/demo/alerts`);
    const alert = page.getByRole('article', { name: `Alert: ${RULE}` });
    await alert.getByText('State: Firing').waitFor();
    await alert.getByText('Severity: High').waitFor();
    await alert
      .getByRole('table', { name: `Rows matched by ${RULE}` })
      .getByText('262')
      .waitFor();
    await settle(page);
    await pageShot(page, 'alerts');

    await alert.getByRole('button', { name: `Acknowledge ${RULE}` }).click();
    await alert.getByText('State: Acknowledged').waitFor();
    expect(await alert.getByRole('button', { name: `Acknowledge ${RULE}` }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("starts a rule from one of the server's templates and tests it", async () => {
    await page.getByRole('tab', { name: 'Rules' }).click();
    await page.waitForURL(`${baseUrl}/w/demo/alerts/rules`);
    await page.getByRole('button', { name: 'From a template' }).click();
    const picker = page.getByRole('dialog', { name: 'Start from a template' });
    await picker.getByText('Milestone slipped more than 14 days').waitFor();
    await settle(page);
    await screenshot(page, 'alert-rule-templates');
    await picker.getByRole('link', { name: 'Use template: Guardrail breached' }).click();
    await page.waitForURL(`${baseUrl}/w/demo/alerts/rules/new?template=guardrail-breached`);
    await page.getByText(/^From the template “Guardrail breached”/).waitFor();
    expect(await page.getByLabel('Name').inputValue()).toBe('Guardrail breached');
    const template = ALERT_RULE_TEMPLATES.find(({ id }) => id === 'guardrail-breached');
    expect(await page.getByRole('textbox', { name: 'Query' }).innerText()).toBe(
      template?.rule.query,
    );

    await page.getByRole('button', { name: 'Test rule' }).click();
    // This workspace has no guardrail, so none breached.
    await page
      .getByRole('region', { name: 'Test result' })
      .getByText('Would not fire', { exact: true })
      .waitFor();
    expect(errors).toEqual([]);
  });
});
