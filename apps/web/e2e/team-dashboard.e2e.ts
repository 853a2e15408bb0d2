import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  createTeam,
  importFile,
  type TestTeam,
} from '../../api/test/support/delivery-factories.js';
import {
  addMember,
  type Browser as ApiBrowser,
  createUser,
  createWorkspace,
  signIn,
  type TestUser,
  type TestWorkspace,
} from '../../api/test/support/factories.js';
import { Prng } from '../../api/src/demo/prng.js';
import { pinToday } from '../../api/test/support/okr-factories.js';
import { createTestApp, type TestApp } from '../../api/test/support/test-app.js';
import { expectNoSeriousA11yViolations } from './accessibility.js';
import { collectPageErrors, launchBrowser, pinBrowserClock, screenshot } from './browser.js';
import { signInThroughPage } from './sign-in.js';

/**
 * The instant the test runs at, pinned in the API (`ClockService`) and in the browser, and the
 * one the imported history is built around — never the real clock. A Tuesday in the second week
 * of the active sprint (DASH Sprint 7 runs Monday 2026-11-16 to Friday 11-27; Sprint 8, the one
 * to plan, starts Monday 11-30): mid-sprint, away from a weekend and a sprint boundary. Noon
 * UTC: the instant `pinToday` pins.
 */
const NOW = '2026-11-24T12:00:00.000Z';
const DAY_MS = 86_400_000;
const SPRINT_FIELD = 'customfield_10020';
const POINTS_FIELD = 'customfield_10016';
const CLOSED_SPRINTS = 6;

/** The demo's seeded generator, so every run imports the same history. */
function seeded(seed: number): () => number {
  const prng = new Prng(seed);
  return () => prng.next();
}

/** Jira's timestamp form: `2026-11-02T09:30:00.000+0000`. */
function jiraTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

interface JiraSprint {
  id: number;
  name: string;
  state: 'closed' | 'active' | 'future';
  boardId: number;
  goal: string;
  startDate: string;
  endDate: string;
  completeDate?: string;
}

type ChangeItem = {
  field: string;
  fieldtype: string;
  fieldId?: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
};

/**
 * A Jira Cloud search response (`/rest/api/3/search/jql`, `expand=changelog`) for a team that
 * ran six two-week sprints, is in its seventh and has planned the eighth: items move through
 * To Do → In Progress → In Review → Done (a few go back from review), some are added or
 * removed mid-sprint, some re-estimated, some carried over; the active sprint has work in
 * every stage.
 */
function jiraHistory(now: number): Buffer {
  const random = seeded(20261126);
  const pick = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  // Sprints run Monday 08:00 to the second Friday 17:00; the active one began 3 to 9 days ago.
  const threeDaysAgo = today - 3 * DAY_MS;
  const mondayOffset = (new Date(threeDaysAgo).getUTCDay() + 6) % 7;
  const activeStart = threeDaysAgo - mondayOffset * DAY_MS + 8 * 3_600_000;
  const sprints: JiraSprint[] = [];
  for (let index = 0; index < CLOSED_SPRINTS + 2; index++) {
    const start = activeStart - (CLOSED_SPRINTS - index) * 14 * DAY_MS;
    const end = start + 11 * DAY_MS + 9 * 3_600_000;
    const state =
      index < CLOSED_SPRINTS ? 'closed' : index === CLOSED_SPRINTS ? 'active' : 'future';
    sprints.push({
      id: 100 + index,
      name: `DASH Sprint ${index + 1}`,
      state,
      boardId: 7,
      goal: `Goal of sprint ${index + 1}`,
      startDate: new Date(start).toISOString(),
      endDate: new Date(end).toISOString(),
      ...(state === 'closed' ? { completeDate: new Date(end - 3_600_000).toISOString() } : {}),
    });
  }

  const issues: unknown[] = [];
  let number = 0;
  const addIssue = (sprint: JiraSprint, plan: 'done' | 'late' | 'review' | 'doing' | 'todo') => {
    number += 1;
    const key = `DASH-${number}`;
    const start = Date.parse(sprint.startDate);
    const midSprint = random() < 0.15 && sprint.state !== 'future';
    const removed = !midSprint && random() < 0.06 && sprint.state === 'closed';
    const created = midSprint
      ? Math.min(start + pick(1, 4) * DAY_MS, now - 12 * 3_600_000)
      : start - pick(2, 20) * DAY_MS;
    const addedAt = midSprint ? created + 3_600_000 : start - pick(1, 2) * DAY_MS + 3_600_000;
    let points = [1, 2, 3, 5, 8][pick(0, 4)] ?? 3;
    const histories: { created: string; items: ChangeItem[] }[] = [];
    const change = (at: number, items: ChangeItem[]) =>
      histories.push({ created: jiraTime(at), items });
    const status = (at: number, from: string, to: string) =>
      change(at, [
        { field: 'status', fieldtype: 'jira', from: '1', fromString: from, to: '2', toString: to },
      ]);
    const sprintChange = (at: number, from: string, to: string) =>
      change(at, [
        {
          field: 'Sprint',
          fieldtype: 'custom',
          fieldId: SPRINT_FIELD,
          from: from ? String(sprint.id) : '',
          fromString: from,
          to: to ? String(sprint.id) : '',
          toString: to,
        },
      ]);

    sprintChange(addedAt, '', sprint.name);
    if (random() < 0.15) {
      const before = points;
      points = [2, 3, 5, 8, 13][pick(0, 4)] ?? 5;
      change(Math.max(addedAt, start) + DAY_MS, [
        {
          field: 'Story point estimate',
          fieldtype: 'custom',
          fieldId: POINTS_FIELD,
          from: null,
          fromString: String(before),
          to: null,
          toString: String(points),
        },
      ]);
    }
    let current = 'To Do';
    let resolved: number | null = null;
    if (removed) {
      sprintChange(start + pick(2, 5) * DAY_MS, sprint.name, '');
    } else if (plan !== 'todo') {
      // Planned moves, then squeezed into the time up to now: history never lies in the future.
      const begun = Math.max(addedAt, start) + pick(0, 3) * DAY_MS + 2 * 3_600_000;
      const review = begun + pick(1, plan === 'late' ? 14 : 5) * DAY_MS;
      const sentBack = plan !== 'doing' && random() < 0.12;
      const reviewedAgain = sentBack ? review + 2 * DAY_MS : review;
      const done = reviewedAgain + pick(0, 2) * DAY_MS + 3_600_000;
      const planned = [begun, review, review + DAY_MS, reviewedAgain, done];
      const latest = now - 2 * 3_600_000;
      const first = Math.min(begun, latest - 6 * 3_600_000);
      const last = Math.max(...planned);
      const squeeze = (at: number) =>
        last <= latest ? at : first + ((at - begun) * (latest - first)) / (last - begun);
      status(squeeze(begun), 'To Do', 'In Progress');
      current = 'In Progress';
      if (plan !== 'doing') {
        status(squeeze(review), 'In Progress', 'In Review');
        current = 'In Review';
        if (sentBack) {
          status(squeeze(review + DAY_MS), 'In Review', 'In Progress');
          status(squeeze(reviewedAgain), 'In Progress', 'In Review');
        }
        if (plan === 'done' || plan === 'late') {
          resolved = squeeze(done);
          status(resolved, 'In Review', 'Done');
          current = 'Done';
        }
      }
    }
    issues.push({
      id: String(10_000 + number),
      key,
      changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories },
      fields: {
        summary: `Dashboard story ${number}`,
        issuetype: { name: 'Story', subtask: false },
        status: { name: current },
        created: jiraTime(created),
        updated: jiraTime(now - 3_600_000),
        resolutiondate: resolved === null ? null : jiraTime(resolved),
        [POINTS_FIELD]: points,
        [SPRINT_FIELD]: removed ? [] : [sprint],
      },
    });
  };

  for (const sprint of sprints) {
    if (sprint.state === 'closed') {
      const count = pick(12, 16);
      for (let item = 0; item < count; item++) addIssue(sprint, random() < 0.85 ? 'done' : 'late');
    } else if (sprint.state === 'active') {
      for (const plan of ['done', 'done', 'done', 'done', 'review', 'review', 'doing'] as const) {
        addIssue(sprint, plan);
      }
      for (let item = 0; item < 5; item++) addIssue(sprint, item < 3 ? 'doing' : 'todo');
    } else {
      for (let item = 0; item < 6; item++) addIssue(sprint, 'todo');
    }
  }
  const body = { issues, isLast: true };
  return Buffer.from(JSON.stringify(body));
}

/**
 * `count` finished items spread over the last year, each straight from To Do through In
 * Progress to Done: the volume at which the cycle-time scatter must stay usable.
 */
function manyFinishedItems(now: number, count: number): Buffer {
  const random = seeded(5000);
  const issues = Array.from({ length: count }, (_, index) => {
    const done = now - (1 + Math.floor(random() * 360)) * DAY_MS - 3_600_000;
    const begun = done - Math.floor(random() * random() * 30) * DAY_MS - 3_600_000;
    const created = begun - Math.floor(random() * 20) * DAY_MS - 3_600_000;
    const status = (at: number, from: string, to: string) => ({
      created: jiraTime(at),
      items: [
        { field: 'status', fieldtype: 'jira', from: '1', fromString: from, to: '2', toString: to },
      ],
    });
    return {
      id: String(50_000 + index),
      key: `BULK-${index + 1}`,
      changelog: {
        startAt: 0,
        maxResults: 2,
        total: 2,
        histories: [status(begun, 'To Do', 'In Progress'), status(done, 'In Progress', 'Done')],
      },
      fields: {
        summary: `Bulk item ${index + 1}`,
        issuetype: { name: 'Story' },
        status: { name: 'Done' },
        created: jiraTime(created),
        resolutiondate: jiraTime(done),
      },
    };
  });
  return Buffer.from(JSON.stringify({ issues, isLast: true }));
}

/** A full-page screenshot from the top. */
async function pageShot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.waitForTimeout(300);
  await screenshot(page, name);
}

/** The section whose heading is `title` (every chart frame is one). */
function chartSection(page: Page, title: string) {
  return page.getByRole('region', { name: title, exact: true });
}

/** Switches a chart to its table, returns the table's text, switches back. */
async function tableText(page: Page, title: string): Promise<string> {
  const section = chartSection(page, title);
  await section
    .getByRole('radiogroup', { name: `Show ${title} as` })
    .getByText('Table')
    .click();
  const table = section.getByRole('table').first();
  await table.waitFor();
  const text = await table.innerText();
  await section
    .getByRole('radiogroup', { name: `Show ${title} as` })
    .getByText('Chart')
    .click();
  return text;
}

/** Polls until `read` returns something other than `before` (what a person waits to see change). */
async function changed(page: Page, read: () => Promise<string>, before: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const now = await read();
    if (now !== before) return now;
    await page.waitForTimeout(100);
  }
  return read();
}

async function expectChartDrawn(page: Page, title: string, selector: string): Promise<void> {
  const section = chartSection(page, title);
  await section.locator(`svg.recharts-surface ${selector}`).first().waitFor();
  expect(await section.locator(`svg.recharts-surface ${selector}`).count()).toBeGreaterThan(0);
}

describe('the team delivery dashboard in a real browser', () => {
  let testApp: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let editor: TestUser;
  let workspace: TestWorkspace;
  let team: TestTeam;

  beforeAll(async () => {
    testApp = await createTestApp();
    pinToday(testApp, NOW.slice(0, 10));
    const admin = await createUser(testApp, { displayName: 'Dana Admin' });
    editor = await createUser(testApp, { email: 'tia@example.com', displayName: 'Tia Moreno' });
    workspace = await createWorkspace(testApp, admin, 'streaming');
    await addMember(testApp, workspace, editor, 'editor');
    team = await createTeam(testApp, workspace);
    const api: ApiBrowser = await signIn(testApp, editor);
    for (const [displayName, allocation] of [
      ['Ana Lima', 1],
      ['Ben Ode', 1],
      ['Cy Park', 0.5],
    ] as const) {
      await api
        .post(`/api/workspaces/${workspace.slug}/teams/${team.slug}/members`)
        .send({ displayName, allocation })
        .expect(201);
    }
    const history = jiraHistory(Date.parse(NOW));
    const job = await importFile(api, workspace, team, {
      file: history,
      mapping: { sprintField: SPRINT_FIELD, storyPointsField: POINTS_FIELD },
    });
    if (job.status !== 'completed' || (job.result?.problems.length ?? 0) > 0) {
      throw new Error(`the generated import failed: ${JSON.stringify(job)}`);
    }
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

  it('opens on the active sprint with every chart drawn from the imported history', async () => {
    await page.goto(`${baseUrl}/w/${workspace.slug}/teams/${team.slug}`);
    await signInThroughPage(page, editor);
    await page.getByRole('tab', { name: 'Delivery', selected: true }).waitFor();
    await page.getByRole('combobox', { name: 'Sprint', exact: true }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Sprint', exact: true }).inputValue()).toBe(
      'DASH Sprint 7 (active)',
    );

    await expectChartDrawn(page, 'Burndown', 'path.recharts-curve');
    await expectChartDrawn(page, 'Burnup', 'path.recharts-curve');
    await expectChartDrawn(page, 'Velocity', '.recharts-bar-rectangle path');
    await expectChartDrawn(page, 'Cycle time', '.recharts-scatter circle');
    await expectChartDrawn(page, 'Weekly throughput', '.recharts-bar-rectangle path');
    await expectChartDrawn(page, 'Cumulative flow', 'path.recharts-area-area');
    await expectChartDrawn(page, 'Aging work in progress', '.recharts-scatter circle');

    // The percentile lines are named, with their value, in the chart's legend.
    await chartSection(page, 'Cycle time')
      .getByText(/^p85: \d+ days?$/)
      .first()
      .waitFor();

    const velocity = await tableText(page, 'Velocity');
    for (let index = 1; index <= CLOSED_SPRINTS; index++) {
      expect(velocity).toContain(`DASH Sprint ${index}`);
    }
    const cycleTimes = await tableText(page, 'Cycle time');
    expect(cycleTimes).toContain('DASH-1');
    const aging = await tableText(page, 'Aging work in progress');
    expect(aging).toMatch(/In Progress|In Review/);
    const flow = await tableText(page, 'Cumulative flow');
    for (const stage of ['Backlog', 'In Progress', 'Review', 'Done']) expect(flow).toContain(stage);
    const days = await tableText(page, 'Burndown');
    expect(days).toContain('Remaining');

    await pageShot(page, 'team-dashboard-1280');
    expect(errors).toEqual([]);
  });

  it('switches to a closed sprint and shows its figures', async () => {
    const summary = page.locator('dl').first();
    const activeFigures = await summary.innerText();
    const selector = page.getByRole('combobox', { name: 'Sprint', exact: true });
    await selector.click();
    await page.getByRole('option', { name: 'DASH Sprint 5 (closed)' }).click();
    await page.waitForURL(/sprint=/);
    expect(await changed(page, () => selector.inputValue(), 'DASH Sprint 7 (active)')).toBe(
      'DASH Sprint 5 (closed)',
    );
    const figures = await changed(page, () => summary.innerText(), activeFigures);
    expect(figures).not.toBe(activeFigures);
    expect(figures).toMatch(/committed\s+\d+[\s\S]*say\/do\s+\d+%/i);
    await expectChartDrawn(page, 'Burndown', 'path.recharts-curve');
    await expectNoSeriousA11yViolations(page, 'team-dashboard-closed-sprint');
    expect(errors).toEqual([]);
  });

  it('edits the next sprint’s availability and the recommended range follows', async () => {
    const planner = page.getByRole('region', { name: 'Capacity planner' });
    await planner.scrollIntoViewIfNeeded();
    expect(await planner.getByRole('combobox', { name: 'Sprint to plan' }).inputValue()).toBe(
      'DASH Sprint 8',
    );
    const range = planner.getByTestId('recommended-range');
    await range
      .getByText(/points$/)
      .first()
      .waitFor();
    const before = await range.innerText();
    const personDaysBefore = await planner.getByTestId('available-person-days').innerText();

    await planner.getByRole('textbox', { name: /Allocation of Ben Ode/ }).fill('50');
    const daysOff = planner.getByRole('group', { name: 'Days off of Ana Lima' });
    // Chips are checkboxes drawn as labels: a person clicks the label.
    await daysOff.locator('label').nth(0).click();
    await daysOff.locator('label').nth(1).click();
    expect(await daysOff.getByRole('checkbox', { checked: true }).count()).toBe(2);
    await planner.getByRole('button', { name: 'Save availability' }).click();
    await planner.getByText('Saved.').waitFor();

    expect(await changed(page, () => range.innerText(), before)).not.toBe(before);
    // 10 working days: Ana 10 − 2, Ben 10 × 0.5, Cy 10 × 0.5 → 18 of the 25 before.
    expect(personDaysBefore).toBe('25');
    expect(await planner.getByTestId('available-person-days').innerText()).toBe('18');
    await expectNoSeriousA11yViolations(page, 'team-dashboard-availability-saved');
    expect(errors).toEqual([]);
  });

  it('forecasts when N items will be done and how many by a date', async () => {
    const when = chartSection(page, 'When will these items be done?');
    await when.scrollIntoViewIfNeeded();
    await when.getByRole('textbox', { name: 'Items to finish' }).fill('30');
    await when.locator('.recharts-bar-rectangle path').first().waitFor();
    const dates = await when.getByTestId('forecast-when-dates').innerText();
    expect(dates).toMatch(/p50[\s\S]*p85[\s\S]*p95/);
    expect(await when.getByText(/in \d+ days or fewer/).count()).toBe(3);

    const howMany = page.getByRole('region', { name: 'How many items by this date?' });
    await howMany.getByTestId('forecast-how-many-counts').waitFor();
    expect(await howMany.getByTestId('forecast-how-many-counts').innerText()).toMatch(
      /p50[\s\S]*\d+ items[\s\S]*p95[\s\S]*\d+ items/,
    );
    await pageShot(page, 'team-dashboard-planning-1280');
    expect(errors).toEqual([]);
  });

  it('draws 5,000 finished items in the cycle-time scatter and still answers a hover', async () => {
    const bulkTeam = await createTeam(testApp, workspace);
    const api = await signIn(testApp, editor);
    const job = await importFile(api, workspace, bulkTeam, {
      file: manyFinishedItems(Date.parse(NOW), 5000),
    });
    expect(job.status).toBe('completed');

    await page.goto(`${baseUrl}/w/${workspace.slug}/teams/${bulkTeam.slug}?flow=1y`);
    const scatter = chartSection(page, 'Cycle time');
    await scatter.locator('.recharts-scatter circle').first().waitFor();
    expect(await scatter.locator('.recharts-scatter circle').count()).toBe(5000);
    await scatter.locator('.recharts-scatter circle').nth(2500).hover();
    // The tooltip names the hovered item by its key (the scatter's points carry no titles).
    await scatter
      .locator('.recharts-tooltip-wrapper')
      .getByText(/^BULK-\d+$/)
      .waitFor();
    await expectNoSeriousA11yViolations(page, 'team-dashboard-5000-items');
    expect(errors).toEqual([]);
  });

  it('is readable at 1920×1080', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${baseUrl}/w/${workspace.slug}/teams/${team.slug}`);
    await expectChartDrawn(page, 'Cumulative flow', 'path.recharts-area-area');
    await expectChartDrawn(page, 'Cycle time', '.recharts-scatter circle');
    // Forecasts run once their panel is on screen.
    await page.getByRole('region', { name: 'Forecasts' }).scrollIntoViewIfNeeded();
    await expectChartDrawn(page, 'When will these items be done?', '.recharts-bar-rectangle path');
    await pageShot(page, 'team-dashboard-1920');
    expect(errors).toEqual([]);
  });
});
