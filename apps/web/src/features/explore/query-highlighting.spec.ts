import { describe, expect, it } from '@jest/globals';
import { highlightTree, tagHighlighter, tags } from '@lezer/highlight';
import { AA_TEXT_CONTRAST, contrastRatio } from '../../app/accessible-colors';
import { QUERY_COLORS, queryLanguage } from './query-highlighting';
import { queryWords } from './query-syntax';

const words = queryWords({
  tables: [{ name: 'MetricPoints', description: '', columns: [] }],
  operators: ['where', 'summarize', 'render', 'count'],
  functions: ['avg', 'ago', 'bin', 'count'],
});

/** Each highlighted piece of `text` with the kind of word the editor colours it as. */
function highlighted(text: string): [string, string][] {
  const tree = queryLanguage(words).parser.parse(text);
  const classes = tagHighlighter([
    { tag: tags.keyword, class: 'keyword' },
    { tag: tags.operatorKeyword, class: 'word-operator' },
    { tag: tags.typeName, class: 'table' },
    { tag: tags.function(tags.variableName), class: 'function' },
    { tag: tags.propertyName, class: 'column' },
    { tag: tags.string, class: 'string' },
    { tag: tags.special(tags.string), class: 'datetime' },
    { tag: tags.number, class: 'number' },
    { tag: tags.unit, class: 'timespan' },
    { tag: tags.atom, class: 'hint' },
    { tag: tags.comment, class: 'comment' },
    { tag: tags.operator, class: 'operator' },
    { tag: tags.separator, class: 'pipe' },
  ]);
  const pieces: [string, string][] = [];
  highlightTree(tree, classes, (from, to, style) => pieces.push([text.slice(from, to), style]));
  return pieces;
}

describe('query highlighting', () => {
  it('tells tables, operators, functions, columns, literals and comments apart', () => {
    expect(
      highlighted(
        'MetricPoints // uptime\n| where metric == "uptime" and timestamp > ago(7d)\n| summarize count() by bin(timestamp, 1d)\n| render timechart',
      ),
    ).toEqual([
      ['MetricPoints', 'table'],
      ['// uptime', 'comment'],
      ['|', 'pipe'],
      ['where', 'keyword'],
      ['metric', 'column'],
      ['==', 'operator'],
      ['"uptime"', 'string'],
      ['and', 'word-operator'],
      ['timestamp', 'column'],
      ['>', 'operator'],
      ['ago', 'function'],
      ['7d', 'timespan'],
      ['|', 'pipe'],
      ['summarize', 'keyword'],
      ['count', 'function'],
      ['by', 'keyword'],
      ['bin', 'function'],
      ['timestamp', 'column'],
      ['1d', 'timespan'],
      ['|', 'pipe'],
      ['render', 'keyword'],
      ['timechart', 'hint'],
    ]);
  });

  it('reads count after a pipe as the operator, and datetimes and numbers as literals', () => {
    expect(highlighted('MetricPoints | count')).toContainEqual(['count', 'keyword']);
    expect(
      highlighted('MetricPoints | where timestamp > datetime(2026-11-01) and value > 2.5'),
    ).toEqual(
      expect.arrayContaining([
        ['datetime(2026-11-01)', 'datetime'],
        ['2.5', 'number'],
      ]),
    );
  });

  it('reads kind as a keyword only in join kind=, elsewhere as a column', () => {
    expect(highlighted('MetricPoints | join kind=inner (MetricPoints) on metric')).toEqual(
      expect.arrayContaining([
        ['kind', 'keyword'],
        ['inner', 'hint'],
      ]),
    );
    expect(highlighted('MetricPoints | where kind == "risk"')).toContainEqual(['kind', 'column']);
  });

  it('writes every colour at AA contrast on the white editor', () => {
    for (const color of Object.values(QUERY_COLORS)) {
      expect(contrastRatio(color, '#ffffff')).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
    }
  });
});
