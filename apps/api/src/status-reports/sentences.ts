/**
 * Joining sentences of generated report text, some of them written by people (a move's reason,
 * a risk's title), so that none ends with a doubled full stop ("late..").
 */

/** `text` without the full stops (and spaces) it ends with: "Vendor late." → "Vendor late". */
export function withoutFullStop(text: string): string {
  return text.trim().replace(/[.\s]+$/u, '');
}

/** `text` ending with exactly one full stop, unless it ends with "?", "!" or "…". */
export function sentence(text: string): string {
  const trimmed = withoutFullStop(text);
  if (trimmed.length === 0) return '';
  return /[?!…]$/u.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Sentences joined by one space, each ending once; empty ones are left out. */
export function joinSentences(texts: readonly string[]): string {
  return texts
    .map(sentence)
    .filter((text) => text.length > 0)
    .join(' ');
}
