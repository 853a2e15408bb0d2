import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** What the browser tests refuse: axe's two worst impact levels. */
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

export interface A11yViolation {
  rule: string;
  impact: string;
  help: string;
  nodes: { target: string; snippet: string; why: string }[];
}

/** The serious and critical WCAG 2.x A/AA violations axe finds on the page as it is now. */
export async function seriousA11yViolations(page: Page): Promise<A11yViolation[]> {
  // Legacy mode runs axe inside the page itself: pages made by `browser.newPage()` own their
  // context, which refuses the extra page the default mode opens to combine frame results
  // (the app has no frames to combine).
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        target: node.target.map(String).join(' '),
        snippet: node.html.slice(0, 200),
        why: node.failureSummary?.split('\n').slice(1).join(' ').trim() ?? '',
      })),
    }));
}

function describeViolations(label: string, violations: A11yViolation[]): string {
  const lines = [`${label}: ${violations.length} serious/critical accessibility violation(s)`];
  for (const violation of violations) {
    lines.push(`- ${violation.rule} (${violation.impact}): ${violation.help}`);
    for (const node of violation.nodes.slice(0, 8)) {
      lines.push(`    at ${node.target}`, `      ${node.snippet}`, `      ${node.why}`);
    }
    if (violation.nodes.length > 8) lines.push(`    … and ${violation.nodes.length - 8} more`);
  }
  return lines.join('\n');
}

/**
 * Runs axe on the page as it is now and fails, listing rule, impact, target selector and HTML of
 * every offending element, if anything serious or critical is found. Call it once the page shows
 * what the test waited for; `label` names the page in the failure.
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  const violations = await seriousA11yViolations(page);
  if (violations.length > 0) throw new Error(describeViolations(label, violations));
}
