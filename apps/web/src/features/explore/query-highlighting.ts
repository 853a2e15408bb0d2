import { HighlightStyle, StreamLanguage, type StringStream } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { DEFAULT_THEME } from '@mantine/core';
import { darkenToContrast } from '../../app/accessible-colors';
import {
  ANCHORED_SHAPES,
  BOOLEANS,
  JOIN_KINDS,
  type QueryTokenKind,
  type QueryWords,
  RENDER_KINDS,
  SYNTAX_KEYWORDS,
  WORD_OPERATORS,
} from './query-syntax';

/** What the tokenizer remembers between tokens (and lines): the last word or symbol it saw. */
interface LineState {
  previous: string | null;
  /** The word before `previous`, to tell `kind =` apart from other `=`. */
  beforePrevious: string | null;
}

const syntaxKeywords = new Set<string>(SYNTAX_KEYWORDS);
const wordOperators = new Set<string>(WORD_OPERATORS);
const booleans = new Set<string>(BOOLEANS);
const hints = new Set<string>([...RENDER_KINDS, ...JOIN_KINDS]);

/** The highlighting tag (CodeMirror's stream token name) of each shape other than a word. */
const SHAPE_TOKENS: Record<Exclude<QueryTokenKind, 'word'>, string | null> = {
  comment: 'comment',
  string: 'string',
  datetime: 'string.special',
  timespan: 'unit',
  number: 'number',
  pipe: 'separator',
  open: 'paren',
  close: 'paren',
  comma: 'punctuation',
  operator: 'operator',
  other: null,
};

function wordToken(word: string, stream: StringStream, state: LineState, words: QueryWords) {
  if (state.previous === '|' && words.operators.has(word)) return 'keyword';
  if (state.previous === 'render' || (state.previous === '=' && state.beforePrevious === 'kind')) {
    if (hints.has(word)) return 'atom';
  }
  if (syntaxKeywords.has(word) || (word === 'kind' && state.previous === 'join')) return 'keyword';
  if (wordOperators.has(word)) return 'operatorKeyword';
  if (booleans.has(word)) return 'bool';
  if (words.tables.has(word)) return 'typeName';
  if (words.functions.has(word) && stream.match(/^\s*\(/, false)) return 'variableName.function';
  return 'propertyName';
}

/**
 * The query language for CodeMirror: a line tokenizer over the same shapes the API's lexer
 * uses, which colours the catalog's tables, the operator after each `|`, functions before
 * their `(`, keywords, strings, numbers, timespans, datetimes and comments.
 */
export function queryLanguage(words: QueryWords) {
  return StreamLanguage.define<LineState>({
    name: 'bearing-query',
    startState: () => ({ previous: null, beforePrevious: null }),
    copyState: (state) => ({ ...state }),
    token(stream, state) {
      if (stream.eatSpace()) return null;
      for (const [kind, shape] of ANCHORED_SHAPES) {
        const match = stream.match(shape);
        if (!match || typeof match === 'boolean') continue;
        const text = match[0];
        const token = kind === 'word' ? wordToken(text, stream, state, words) : SHAPE_TOKENS[kind];
        if (kind !== 'comment') {
          state.beforePrevious = state.previous;
          state.previous = text;
        }
        return token;
      }
      stream.next();
      return null;
    },
    languageData: { commentTokens: { line: '//' } },
  });
}

const { colors } = DEFAULT_THEME;
const onWhite = (color: string) => darkenToContrast(color, ['#ffffff']);

/** The editor's text colours, each darkened where needed to 4.5:1 (WCAG AA) on its white ground. */
export const QUERY_COLORS = {
  keyword: onWhite(colors.indigo[8]),
  table: onWhite(colors.teal[8]),
  function: onWhite(colors.grape[8]),
  string: onWhite(colors.green[8]),
  number: onWhite(colors.orange[8]),
  hint: onWhite(colors.cyan[8]),
  comment: onWhite(colors.gray[7]),
  operator: onWhite(colors.gray[8]),
};

export const queryHighlightStyle = HighlightStyle.define([
  { tag: tags.keyword, color: QUERY_COLORS.keyword, fontWeight: 600 },
  { tag: tags.operatorKeyword, color: QUERY_COLORS.keyword },
  { tag: tags.typeName, color: QUERY_COLORS.table, fontWeight: 600 },
  { tag: tags.function(tags.variableName), color: QUERY_COLORS.function },
  { tag: [tags.string, tags.special(tags.string)], color: QUERY_COLORS.string },
  { tag: [tags.number, tags.unit, tags.bool], color: QUERY_COLORS.number },
  { tag: tags.atom, color: QUERY_COLORS.hint },
  { tag: tags.comment, color: QUERY_COLORS.comment, fontStyle: 'italic' },
  { tag: [tags.operator, tags.separator], color: QUERY_COLORS.operator },
]);
