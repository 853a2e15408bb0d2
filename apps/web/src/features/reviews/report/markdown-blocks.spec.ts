import { describe, expect, it } from '@jest/globals';
import { parseInline, parseMarkdown, tableCells } from './markdown-blocks';

const REPORT = `# Checkout — status report, week of 2026-11-23

> **Watermelon warning:** this report says on track.

**Health: At risk** (the data suggested On track) — vendor late

## Summary

First line
second line.

## Asks

- Budget for _two_ contractors
- Decide on snake_case_names

| Milestone | Baseline | Current |
| --- | --- | --- |
| Beta \\| pilot | 2026-03-02 | 2026-03-23 |

---
_Numbers as of 2026-11-26._
`;

describe('parseMarkdown', () => {
  const blocks = parseMarkdown(REPORT);

  it('finds headings, quotes, paragraphs, lists, tables and rules in order', () => {
    expect(blocks.map((block) => block.kind)).toEqual([
      'heading',
      'quote',
      'paragraph',
      'heading',
      'paragraph',
      'heading',
      'list',
      'table',
      'rule',
      'paragraph',
    ]);
  });

  it('joins a paragraph’s lines and keeps heading levels', () => {
    expect(blocks[0]).toEqual({
      kind: 'heading',
      level: 1,
      text: 'Checkout — status report, week of 2026-11-23',
    });
    expect(blocks[4]).toEqual({ kind: 'paragraph', text: 'First line second line.' });
  });

  it('reads a table without its separator row, unescaping pipes', () => {
    expect(blocks[7]).toEqual({
      kind: 'table',
      head: ['Milestone', 'Baseline', 'Current'],
      rows: [['Beta | pilot', '2026-03-02', '2026-03-23']],
    });
  });
});

describe('tableCells', () => {
  it('splits on unescaped pipes only', () => {
    expect(tableCells('| a | b \\| c |')).toEqual(['a', 'b | c']);
  });
});

describe('parseInline', () => {
  it('marks bold and whole-word emphasis, leaving snake_case alone', () => {
    expect(parseInline('**Health: At risk** for _two_ weeks')).toEqual([
      { kind: 'strong', text: 'Health: At risk' },
      { kind: 'text', text: ' for ' },
      { kind: 'em', text: 'two' },
      { kind: 'text', text: ' weeks' },
    ]);
    expect(parseInline('snake_case_names')).toEqual([{ kind: 'text', text: 'snake_case_names' }]);
  });
});
