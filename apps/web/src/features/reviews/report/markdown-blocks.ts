/**
 * The few Markdown constructs the report export writes (see apps/api/src/status-reports/
 * report-markdown.ts) parsed into blocks, so the audience preview can show the export itself
 * as a page. Not a general Markdown parser: anything else stays a paragraph of plain text.
 */
export type MarkdownBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][] }
  | { kind: 'rule' };

/** `| a | b \| c |` → `['a', 'b | c']`: cells split on unescaped pipes. */
export function tableCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim().replaceAll('\\|', '|'));
}

const isSeparatorRow = (line: string) => /^\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(line.trim());

export function parseMarkdown(text: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  const lines = text.split('\n');
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    const trimmed = line.trim();
    if (trimmed === '') {
      index += 1;
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(trimmed);
    if (heading) {
      blocks.push({
        kind: 'heading',
        level: (heading[1]?.length ?? 1) as 1 | 2 | 3,
        text: heading[2] ?? '',
      });
      index += 1;
    } else if (trimmed === '---') {
      blocks.push({ kind: 'rule' });
      index += 1;
    } else if (trimmed.startsWith('|')) {
      const tableLines: string[] = [];
      while (index < lines.length && (lines[index] ?? '').trim().startsWith('|')) {
        tableLines.push(lines[index] ?? '');
        index += 1;
      }
      const [head = '', ...rest] = tableLines;
      blocks.push({
        kind: 'table',
        head: tableCells(head),
        rows: rest.filter((row) => !isSeparatorRow(row)).map(tableCells),
      });
    } else if (trimmed.startsWith('- ')) {
      const items: string[] = [];
      while (index < lines.length && (lines[index] ?? '').trim().startsWith('- ')) {
        items.push((lines[index] ?? '').trim().slice(2));
        index += 1;
      }
      blocks.push({ kind: 'list', items });
    } else if (trimmed.startsWith('>')) {
      const quoted: string[] = [];
      while (index < lines.length && (lines[index] ?? '').trim().startsWith('>')) {
        quoted.push((lines[index] ?? '').trim().replace(/^>\s?/, ''));
        index += 1;
      }
      blocks.push({ kind: 'quote', text: quoted.join(' ') });
    } else {
      const paragraph: string[] = [];
      while (index < lines.length && isParagraphLine(lines[index] ?? '')) {
        paragraph.push((lines[index] ?? '').trim());
        index += 1;
      }
      blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    }
  }
  return blocks;
}

function isParagraphLine(line: string): boolean {
  const trimmed = line.trim();
  return (
    trimmed !== '' &&
    trimmed !== '---' &&
    !/^#{1,3}\s/.test(trimmed) &&
    !trimmed.startsWith('|') &&
    !trimmed.startsWith('- ') &&
    !trimmed.startsWith('>')
  );
}

export type InlineSpan = { kind: 'text' | 'strong' | 'em'; text: string };

/** `**bold**` and `_emphasis_` (the latter only as whole words, so snake_case stays text). */
export function parseInline(text: string): InlineSpan[] {
  const spans: InlineSpan[] = [];
  const pattern = /\*\*(.+?)\*\*|(?<![\w])_(.+?)_(?![\w])/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) spans.push({ kind: 'text', text: text.slice(last, match.index) });
    if (match[1] !== undefined) spans.push({ kind: 'strong', text: match[1] });
    else spans.push({ kind: 'em', text: match[2] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < text.length) spans.push({ kind: 'text', text: text.slice(last) });
  return spans;
}
