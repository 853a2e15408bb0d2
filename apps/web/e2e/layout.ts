import type { Page } from 'playwright-core';

/**
 * Runs in the page (the e2e project has no DOM types): each visible badge whose words do not fit
 * its box, cut with an ellipsis or clipped, with one pixel of slack for sub-pixel rounding.
 */
const CUT_BADGES = `[...document.querySelectorAll('.mantine-Badge-root')]
  .filter((badge) => badge.getClientRects().length > 0)
  .flatMap((badge) => {
    const text = badge.querySelector('.mantine-Badge-label');
    if (!text) return [];
    const clipped =
      text.scrollWidth > text.clientWidth + 1 || badge.scrollWidth > badge.clientWidth + 1;
    return clipped ? ['"' + text.innerText + '" (' + text.clientWidth + 'px of ' + text.scrollWidth + 'px)'] : [];
  })`;

/** Fails, naming each one, if any badge shows less than its words: a status is read in full. */
export async function expectNoTruncatedBadges(page: Page, label: string): Promise<void> {
  const cut = await page.evaluate<string[]>(CUT_BADGES);
  if (cut.length > 0) throw new Error(`${label}: badges cut short: ${cut.join(', ')}`);
}

/** Fails if the page is wider than the window: nothing may need a sideways scroll of the page. */
export async function expectFitsWidth(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
  if (overflow > 1) throw new Error(`${label}: the page is ${overflow}px wider than the window`);
}
