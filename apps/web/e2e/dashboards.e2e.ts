import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import type { TestApp } from '../../api/test/support/test-app.js';
import { expectNoSeriousA11yViolations } from './accessibility.js';
import { screenshot, SCREENSHOT_DIR } from './browser.js';
import { DEMO_ADMIN, openDemoInBrowser } from './demo-in-browser.js';
import { expectNoTruncatedBadges } from './layout.js';
import { signInThroughPage } from './sign-in.js';

/**
 * What a newcomer sees after `npm start`: the demo workspace, seeded once through the app's own
 * services, read by its admin in each audience's view — portfolio, a program, a team's
 * delivery dashboard and a metric — and the audience switcher that picks the landing page.
 * The README's screenshots come from here.
 */
const ADMIN = DEMO_ADMIN;
const PROGRAM = 'Podcast ads expansion';
const TEAM = 'Playback';
const BREACHED_METRIC = 'Playback start latency p95';
/**
 * The day the demo is seeded around, pinned in the API and in the browser so the screenshots
 * and the checks never depend on the day the test runs: a Wednesday mid-sprint.
 */
const TODAY = '2026-12-09';
const README_SCREENSHOTS = path.resolve(import.meta.dirname, '../../../docs/screenshots');

const SMALL = { width: 1280, height: 800 };
const LARGE = { width: 1920, height: 1080 };

/** Lets charts and tooltips finish their transitions before a screenshot. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(400);
}

async function pageShot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await settle(page);
  await screenshot(page, name);
}

/**
 * The top of the page as a person first sees it on a large screen, kept for the README: the
 * viewport rather than the whole scroll, so the image stays small and reads like the product.
 */
async function readmeShot(page: Page, name: string, from?: Locator): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  if (from) {
    // From the top, the box's y is its place on the page: scroll it just below the fixed header.
    const box = await from.boundingBox();
    if (!box) throw new Error(`${name}: the section to show is not on the page`);
    await page.evaluate(`window.scrollTo(0, ${Math.max(0, box.y - 76)})`);
  }
  await settle(page);
  await mkdir(README_SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}-readme.png`);
  await page.screenshot({ path: file });
  await copyFile(file, path.join(README_SCREENSHOTS, `${name}.png`));
}

/** The section whose heading is `title` (every chart frame is one). */
function region(page: Page, title: string) {
  return page.getByRole('region', { name: title, exact: true });
}

async function expectDrawn(page: Page, title: string, selector: string): Promise<void> {
  // Dots, or paths with a drawing in them (an empty series still renders an empty path).
  const marks = region(page, title).locator(
    `svg.recharts-surface ${selector}:is(circle, path[d*="M"])`,
  );
  // Attached, not visible: a flat line (a scope that never changed) has no height to see.
  await marks.first().waitFor({ state: 'attached' });
  expect({ title, drawn: await marks.count() }).not.toEqual({ title, drawn: 0 });
}

/** Switches a chart to its table, counts the body rows, switches back. */
async function tableRows(page: Page, title: string): Promise<number> {
  const section = region(page, title);
  const choice = section.getByRole('radiogroup', { name: `Show ${title} as` });
  await choice.getByText('Table').click();
  const rows = section.getByRole('table').first().locator('tbody tr');
  await rows.first().waitFor();
  const count = await rows.count();
  await choice.getByText('Chart').click();
  return count;
}

describe('the audience dashboards of the demo workspace in a real browser', () => {
  let testApp: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ testApp, baseUrl, browser, page, errors } = await openDemoInBrowser(TODAY, SMALL));
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('lands the executive on the portfolio: programs, KPIs, guardrails, risks and slips', async () => {
    await page.goto(`${baseUrl}/w/demo/portfolio`);
    await signInThroughPage(page, ADMIN);
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();

    const programs = page.getByRole('region', { name: 'Programs' }).getByRole('article');
    await programs.first().waitFor();
    expect(await programs.count()).toBe(3);
    const card = page.getByRole('article', { name: PROGRAM });
    await card
      .getByText(/^Health: /)
      .first()
      .waitFor();
    await card.getByRole('list', { name: /^Published health, last \d+ weeks$/ }).waitFor();

    const kpis = page.getByRole('region', { name: 'KPIs' });
    expect(await kpis.getByRole('article').count()).toBeGreaterThanOrEqual(10);
    // Sparklines load after the numbers: wait for the lines themselves.
    await kpis.locator('[role="img"] svg path.recharts-curve').first().waitFor();
    expect(
      await kpis.locator('[role="img"] svg path.recharts-curve').count(),
    ).toBeGreaterThanOrEqual(10);
    expect(await kpis.getByText(/^XmR: Signal/).count()).toBeGreaterThan(0);

    const guardrails = page.getByRole('table', { name: 'Guardrails out of bounds' });
    const breached = guardrails.getByRole('row').filter({ hasText: BREACHED_METRIC });
    await expect(breached.textContent()).resolves.toContain('Breached');
    await expect(guardrails.textContent()).resolves.toContain('Warning');
    expect(
      await page.getByRole('table', { name: 'Top risks' }).locator('tbody tr').count(),
    ).toBeGreaterThan(0);
    expect(
      await page
        .getByRole('table', { name: 'Milestones slipping against baseline' })
        .locator('tbody tr')
        .count(),
    ).toBeGreaterThan(0);

    await pageShot(page, 'dashboards-portfolio-1280');
    await expectNoTruncatedBadges(page, 'portfolio at 1280');
    await page.setViewportSize(LARGE);
    await pageShot(page, 'dashboards-portfolio-1920');
    await expectNoTruncatedBadges(page, 'portfolio at 1920');
    await readmeShot(page, 'portfolio');
    await page.setViewportSize(SMALL);
    expect(errors).toEqual([]);
  });

  it('clicks through to a program: health, objectives, milestones, RAID, dependencies, reports', async () => {
    await page.getByRole('article', { name: PROGRAM }).getByRole('link', { name: PROGRAM }).click();
    await page.getByRole('heading', { level: 1, name: PROGRAM }).waitFor();

    await page.getByRole('list', { name: /^Published health, last \d+ weeks$/ }).waitFor();
    const objectives = page.getByRole('region', { name: 'Objectives' });
    // Each section fills in when its own request answers: wait for the content, not the frame.
    await objectives.getByRole('link').first().waitFor();
    const timeline = page.getByRole('figure', {
      name: 'Milestones: baseline against current date',
    });
    await timeline.locator('svg').first().waitFor();
    const heatMap = page.getByRole('group', { name: 'RAID heat map' });
    await heatMap
      .getByRole('button', { name: /, items: [1-9]\d*,/ })
      .first()
      .waitFor();
    await page.getByRole('table', { name: 'Dependencies' }).locator('tbody tr').first().waitFor();
    const reports = page.getByRole('table', { name: 'Published reports' });
    await reports.locator('tbody tr').first().waitFor();
    expect(await reports.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);

    await pageShot(page, 'dashboards-program-1280');
    await expectNoTruncatedBadges(page, 'program at 1280');
    await page.setViewportSize(LARGE);
    await timeline.locator('svg').first().waitFor();
    // The charts of the program page (its header and objectives are above them).
    await readmeShot(page, 'program', region(page, 'Milestones'));
    await page.setViewportSize(SMALL);
    expect(errors).toEqual([]);
  });

  it('opens a team: every delivery chart drawn with data, at both sizes', async () => {
    await page.getByRole('link', { name: 'Teams', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Teams' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'dashboards-teams');
    await page.getByRole('link', { name: TEAM, exact: true }).click();
    await page.getByRole('tab', { name: 'Delivery', selected: true }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Sprint', exact: true }).inputValue()).toMatch(
      /\(active\)$/,
    );

    await expectDrawn(page, 'Burndown', 'path.recharts-curve');
    await expectDrawn(page, 'Burnup', 'path.recharts-curve');
    await expectDrawn(page, 'Velocity', '.recharts-bar-rectangle path');
    await expectDrawn(page, 'Cycle time', '.recharts-scatter circle');
    await expectDrawn(page, 'Weekly throughput', '.recharts-bar-rectangle path');
    await expectDrawn(page, 'Cumulative flow', 'path.recharts-area-area');
    await expectDrawn(page, 'Aging work in progress', '.recharts-scatter circle');
    for (const title of [
      'Burndown',
      'Burnup',
      'Velocity',
      'Cycle time',
      'Weekly throughput',
      'Cumulative flow',
      'Aging work in progress',
    ]) {
      // The chart name travels with the count, so a failure says which table was empty.
      expect({ title, hasRows: (await tableRows(page, title)) > 0 }).toEqual({
        title,
        hasRows: true,
      });
    }

    const planner = page.getByRole('region', { name: 'Capacity planner' });
    await planner.scrollIntoViewIfNeeded();
    await planner
      .getByTestId('recommended-range')
      .getByText(/points$/)
      .first()
      .waitFor();
    expect(Number(await planner.getByTestId('available-person-days').innerText())).toBeGreaterThan(
      0,
    );

    // Forecasts run once their panel is on screen.
    await page.getByRole('region', { name: 'Forecasts' }).scrollIntoViewIfNeeded();
    await expectDrawn(page, 'When will these items be done?', '.recharts-bar-rectangle path');
    const when = region(page, 'When will these items be done?');
    expect(await when.getByTestId('forecast-when-dates').innerText()).toMatch(
      /p50[\s\S]*p85[\s\S]*p95/,
    );
    const howMany = page.getByRole('region', { name: 'How many items by this date?' });
    await howMany.getByTestId('forecast-how-many-counts').waitFor();
    expect(await howMany.getByTestId('forecast-how-many-counts').innerText()).toMatch(
      /p50[\s\S]*\d+ items[\s\S]*p95[\s\S]*\d+ items/,
    );

    await pageShot(page, 'dashboards-team-1280');
    await page.setViewportSize(LARGE);
    await expectDrawn(page, 'Burndown', 'path.recharts-curve');
    await expectDrawn(page, 'Cumulative flow', 'path.recharts-area-area');
    await pageShot(page, 'dashboards-team-1920');
    await readmeShot(page, 'team');
    await page.setViewportSize(SMALL);
    expect(errors).toEqual([]);
  });

  it('opens a metric from its KPI tile: X and mR charts with limits and the guardrail', async () => {
    await page.getByRole('link', { name: 'Portfolio', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await page
      .getByRole('region', { name: 'KPIs' })
      .getByRole('link', { name: BREACHED_METRIC })
      .click();
    await page.getByRole('heading', { level: 1, name: BREACHED_METRIC }).waitFor();

    await page.getByRole('figure', { name: `X chart of ${BREACHED_METRIC}` }).waitFor();
    await page.getByRole('figure', { name: `Moving range chart of ${BREACHED_METRIC}` }).waitFor();
    const xChart = region(page, 'Individuals (X) chart');
    await xChart.getByText('Upper limit', { exact: true }).first().waitFor();
    await xChart.getByText('Guardrail limit', { exact: true }).first().waitFor();
    await xChart.getByText(/^Guardrail limit 970\b/).waitFor();
    await region(page, 'Moving range (mR) chart')
      .locator('svg.recharts-surface path')
      .first()
      .waitFor();
    expect(await page.locator('[data-signal="true"]').count()).toBeGreaterThan(0);

    await pageShot(page, 'dashboards-metric-1280');
    expect(errors).toEqual([]);
  });

  it('switches the audience, remembers it across a reload, and switches back', async () => {
    const audience = page.getByRole('radiogroup', { name: 'Audience' });
    await audience.getByText('Team', { exact: true }).click();
    await page.waitForURL(`${baseUrl}/w/demo/teams`);
    await page.getByRole('heading', { level: 1, name: 'Teams' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Teams' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'dashboards-teams-after-reload');
    expect(
      await page
        .getByRole('radiogroup', { name: 'Audience' })
        .getByRole('radio', { name: 'Team', checked: true })
        .count(),
    ).toBe(1);
    // The landing page follows the remembered audience too.
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(`${baseUrl}/w/demo/teams`);

    await page.getByRole('radiogroup', { name: 'Audience' }).getByText('Executive').click();
    await page.waitForURL(`${baseUrl}/w/demo/portfolio`);
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    expect(errors).toEqual([]);
  });
});
