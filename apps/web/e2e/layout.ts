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

/**
 * The outermost visible elements that reach past the window's right edge (their parent does
 * not, and no scrolling box holds them), named by tag, class and text, so a failure says what
 * pushed the page wider.
 */
const PAST_RIGHT_EDGE = `(() => {
  const edge = document.documentElement.clientWidth + 1;
  // Past the edge with its box, or with content spilling out of it (a long word, say).
  const past = (element) =>
    element.getBoundingClientRect().right > edge ||
    (getComputedStyle(element).overflowX === 'visible' &&
      element.getBoundingClientRect().left + element.scrollWidth > edge);
  // Inside a box that scrolls or clips sideways, an element may be wider: the box holds it
  // (unless it is positioned against something outside the box: then it is reported).
  const held = (element) => {
    if (['absolute', 'fixed'].includes(getComputedStyle(element).position)) return false;
    for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
      if (getComputedStyle(box).overflowX !== 'visible') return true;
    }
    return false;
  };
  return [...document.body.querySelectorAll('*')]
    .filter((element) => element.getClientRects().length > 0 && past(element) && !held(element))
    .filter((element) => !element.parentElement || !past(element.parentElement))
    .slice(0, 5)
    .map((element) =>
      element.tagName.toLowerCase() + '.' + String(element.className).split(' ').slice(0, 3).join('.') +
      ' "' + (element.textContent || '').trim().slice(0, 60) + '"');
})()`;

/** Fails if the page is wider than the window: nothing may need a sideways scroll of the page. */
export async function expectFitsWidth(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
  if (overflow > 1) {
    const culprits = await page.evaluate<string[]>(PAST_RIGHT_EDGE);
    throw new Error(
      `${label}: the page is ${overflow}px wider than the window: ${culprits.join('; ')}`,
    );
  }
}
