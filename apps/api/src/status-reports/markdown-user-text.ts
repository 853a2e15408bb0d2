/**
 * User-written text made safe to place in an exported Markdown document, which people open in
 * Markdown viewers (that pass raw HTML and follow links) and paste into spreadsheets:
 * - HTML is escaped: `<script>` becomes `&lt;script&gt;`, shown as typed, never run;
 * - links other than http(s) — `javascript:`, `data:`, `vbscript:`, … — become plain text: their
 *   brackets are escaped, so no inline, reference or image link can form (`<…>` autolinks are
 *   already escaped HTML);
 * - text that a spreadsheet would read as a formula — starting with `=`, `+`, `-` or `@`, or a
 *   tab or carriage return (OWASP's CSV-injection advice) — gets a leading `'`, on each line.
 * The export's own words and figures ("+14 d") never pass through here.
 */
export function userText(text: string): string {
  return embeddedUserText(text)
    .split('\n')
    .map((line) => (FORMULA_START.test(line) ? `'${line}` : line))
    .join('\n');
}

/**
 * A sentence the export wrote around user-written names (a health reason naming a milestone):
 * escaped like `userText`, but it starts with the export's own words, so it gets no `'`.
 */
export function embeddedUserText(text: string): string {
  return neutraliseLinks(escapeHtml(text));
}

const FORMULA_START = /^(?:\s*[=+\-@]|[\t\r])/;

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** `[label](target)` or `![alt](target)`; the target may hold one level of parentheses. */
const INLINE_LINK = /!?\[[^[\]]*\]\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g;
const SAFE_TARGET = /^\s*https?:\/\//i;

function neutraliseLinks(text: string): string {
  let result = '';
  let from = 0;
  for (const match of text.matchAll(INLINE_LINK)) {
    const [whole, target = ''] = match;
    result += escapeBrackets(text.slice(from, match.index));
    result += SAFE_TARGET.test(target) ? whole : escapeBrackets(whole);
    from = match.index + whole.length;
  }
  return result + escapeBrackets(text.slice(from));
}

/** Backslashes too, so that a user's own `\` cannot undo the escape of the bracket after it. */
function escapeBrackets(text: string): string {
  return text.replace(/[[\]\\]/g, (character) => `\\${character}`);
}
