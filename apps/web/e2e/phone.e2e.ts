import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import type { TestApp } from '../../api/test/support/test-app.js';
import { screenshot } from './browser.js';
import { DEMO_ADMIN, openDemoInBrowser } from './demo-in-browser.js';
import { expectFitsWidth, expectNoTruncatedBadges } from './layout.js';
import { signInThroughPage } from './sign-in.js';

/**
 * The demo workspace on a phone held upright (390×844): each main page fits the width, reads
 * in full (no badge cut short), passes axe (through `screenshot`), and its actions are in reach.
 */
const PHONE = { width: 390, height: 844 };
const ADMIN = DEMO_ADMIN;
const PROGRAM = 'Podcast ads expansion';
const TEAM = 'Playback';
const TODAY = '2026-12-09';

/** Scrolls the control into view and fails unless all of it is inside the window's width. */
async function expectReachable(control: Locator, name: string): Promise<void> {
  await control.scrollIntoViewIfNeeded();
  await control.waitFor({ state: 'visible' });
  const box = await control.boundingBox();
  expect({ name, inside: box !== null && box.x >= 0 && box.x + box.width <= PHONE.width }).toEqual({
    name,
    inside: true,
  });
}

/** What every page must do on the phone, once it shows what the test waited for. */
async function checkPage(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await expectFitsWidth(page, name);
  await expectNoTruncatedBadges(page, name);
  await screenshot(page, name);
}

describe('the demo workspace on a phone (390×844)', () => {
  let testApp: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ testApp, baseUrl, browser, page, errors } = await openDemoInBrowser(TODAY, PHONE));
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('portfolio: programs, guardrails, risks and slips as cards', async () => {
    await page.goto(`${baseUrl}/w/demo/portfolio`);
    await signInThroughPage(page, ADMIN);
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await page
      .getByRole('article', { name: PROGRAM })
      .getByText(/^Health: /)
      .first()
      .waitFor();
    for (const list of [
      'Guardrails out of bounds',
      'Top risks',
      'Milestones slipping against baseline',
    ]) {
      await expectReachable(page.getByRole('list', { name: list }), list);
    }
    await expectReachable(
      page.getByRole('article', { name: PROGRAM }).getByRole('link', { name: PROGRAM }),
      'program link',
    );
    await checkPage(page, 'phone-portfolio');
    expect(errors).toEqual([]);
  });

  it('the audience switcher is in the menu and says it sets the start page', async () => {
    await page.getByRole('button', { name: 'Open navigation' }).click();
    const audience = page.getByRole('radiogroup', { name: 'Audience' });
    await expectReachable(audience, 'audience switcher');
    await page.getByRole('navigation').getByText('Sets your start page').waitFor();
    await screenshot(page, 'phone-menu');
    await page.getByRole('button', { name: 'Close navigation' }).click();
    expect(errors).toEqual([]);
  });

  it('program: header, milestones, RAID and dependencies with their actions in reach', async () => {
    await page.getByRole('article', { name: PROGRAM }).getByRole('link', { name: PROGRAM }).click();
    await page.getByRole('heading', { level: 1, name: PROGRAM }).waitFor();
    await page.getByRole('group', { name: 'RAID heat map' }).waitFor();
    for (const action of ['Edit program', 'Add milestone', 'Add RAID item', 'Add dependency']) {
      await expectReachable(page.getByRole('button', { name: action }), action);
    }
    await checkPage(page, 'phone-program');
    expect(errors).toEqual([]);
  });

  it('reviews: each program a card with its report action', async () => {
    await page.goto(`${baseUrl}/w/demo/reviews`);
    await page.getByRole('heading', { level: 1, name: 'Reviews' }).waitFor();
    const cards = page
      .getByRole('list', { name: /^Reports for the week of / })
      .getByRole('listitem');
    await cards.first().waitFor();
    const count = await cards.count();
    expect(count).toBeGreaterThan(0);
    for (let index = 0; index < count; index++) {
      const action = cards
        .nth(index)
        .getByRole('button')
        .or(cards.nth(index).getByRole('link', { name: /^(View|Continue editing|View draft)/ }));
      await expectReachable(action.first(), `review action ${index + 1}`);
    }
    await checkPage(page, 'phone-reviews');
    expect(errors).toEqual([]);
  });

  it('team: delivery and the capacity planner, one card a member', async () => {
    await page.goto(`${baseUrl}/w/demo/teams`);
    await page.getByRole('heading', { level: 1, name: 'Teams' }).waitFor();
    await page.getByRole('link', { name: TEAM, exact: true }).click();
    await page.getByRole('tab', { name: 'Delivery', selected: true }).waitFor();
    await expectReachable(page.getByRole('combobox', { name: 'Sprint', exact: true }), 'sprint');
    const planner = page.getByRole('region', { name: 'Capacity planner' });
    await planner.scrollIntoViewIfNeeded();
    const daysOff = planner.getByRole('group', { name: /^Days off of / }).first();
    await expectReachable(daysOff, 'days off');
    await expectReachable(
      planner.getByRole('textbox', { name: /^Allocation of / }).first(),
      'allocation',
    );
    await expectReachable(planner.getByRole('button', { name: 'Save availability' }), 'save');
    await checkPage(page, 'phone-team');
    expect(errors).toEqual([]);
  });

  it('OKRs and metrics: their create actions in reach', async () => {
    await page.goto(`${baseUrl}/w/demo/okrs`);
    await page.getByRole('heading', { level: 1, name: 'OKRs' }).waitFor();
    await page.getByRole('heading', { level: 3 }).first().waitFor();
    await expectReachable(page.getByRole('button', { name: 'New objective' }).first(), 'objective');
    await checkPage(page, 'phone-okrs');

    await page.goto(`${baseUrl}/w/demo/metrics`);
    await page.getByRole('heading', { level: 1, name: 'Metrics' }).waitFor();
    await page.getByRole('table').first().waitFor();
    await expectReachable(page.getByRole('button', { name: 'New metric' }), 'new metric');
    await checkPage(page, 'phone-metrics');
    expect(errors).toEqual([]);
  });
});
