import type { QueryCatalog } from '@bearing/contracts';

/**
 * The query language's lexical shapes, as the API's lexer defines them
 * (apps/api/src/queries/language/query-tokens.ts), for the editor's colours and suggestions.
 * The editor is more forgiving than the API: an unfinished string or `datetime(` is still one
 * token, so what follows it while it is being typed is not taken for code.
 */
export type QueryTokenKind =
  | 'comment'
  | 'string'
  | 'datetime'
  | 'timespan'
  | 'number'
  | 'word'
  | 'pipe'
  | 'open'
  | 'close'
  | 'comma'
  | 'operator'
  | 'other';

/** Tried in this order at each position: longer and more specific shapes first. */
const SHAPES: readonly (readonly [QueryTokenKind, string])[] = [
  ['comment', String.raw`\/\/[^\n]*`],
  ['string', String.raw`"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?`],
  ['datetime', String.raw`datetime\(\s*[^()\n]*\)?`],
  ['timespan', String.raw`\d+(?:\.\d+)?(?:ms|d|h|m|s)(?![A-Za-z0-9_])`],
  ['number', String.raw`\d+(?:\.\d+)?(?:[eE][+-]?\d+)?`],
  ['word', String.raw`[A-Za-z_][A-Za-z0-9_]*`],
  ['pipe', String.raw`\|`],
  ['open', String.raw`\(`],
  ['close', String.raw`\)`],
  ['comma', String.raw`,`],
  ['operator', String.raw`==|!=|<=|>=|!in(?![A-Za-z0-9_])|[<>=+\-*/%]`],
];

/** The same shapes anchored at the start, for CodeMirror's line stream (`stream.match`). */
export const ANCHORED_SHAPES = SHAPES.map(
  ([kind, source]) => [kind, new RegExp(`^(?:${source})`)] as const,
);
const STICKY_SHAPES = SHAPES.map(([kind, source]) => [kind, new RegExp(source, 'y')] as const);

export interface QueryToken {
  kind: QueryTokenKind;
  text: string;
  from: number;
  to: number;
}

/** The tokens of `text`, whitespace left out; a character no shape takes is an `other` token. */
export function lexQuery(text: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  const space = /\s+/y;
  let position = 0;
  while (position < text.length) {
    space.lastIndex = position;
    if (space.test(text)) {
      position = space.lastIndex;
      continue;
    }
    let token: QueryToken = { kind: 'other', text: text.charAt(position), from: position, to: 0 };
    for (const [kind, shape] of STICKY_SHAPES) {
      shape.lastIndex = position;
      const match = shape.exec(text);
      if (match) {
        token = { kind, text: match[0], from: position, to: 0 };
        break;
      }
    }
    token.to = token.from + token.text.length;
    tokens.push(token);
    position = token.to;
  }
  return tokens;
}

/**
 * Words of the grammar that are not operators or functions (docs/query-language.md › Grammar).
 * `kind` is one only right after `join` (`join kind=inner`); elsewhere it may name a column.
 */
export const SYNTAX_KEYWORDS = ['by', 'asc', 'desc', 'on'] as const;
/** Words that combine or compare values. */
export const WORD_OPERATORS = ['and', 'or', 'in', 'contains', 'startswith', 'has'] as const;
export const BOOLEANS = ['true', 'false'] as const;
export const RENDER_KINDS = ['timechart', 'barchart', 'table'] as const;
export const JOIN_KINDS = ['inner', 'leftouter'] as const;

/** The catalog's words, as sets to look words up in. */
export interface QueryWords {
  tables: ReadonlySet<string>;
  operators: ReadonlySet<string>;
  functions: ReadonlySet<string>;
}

export function queryWords(catalog: QueryCatalog | undefined): QueryWords {
  return {
    tables: new Set(catalog?.tables.map((table) => table.name)),
    operators: new Set(catalog?.operators),
    functions: new Set(catalog?.functions),
  };
}
