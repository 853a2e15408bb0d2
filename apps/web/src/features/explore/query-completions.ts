import type { QueryCatalog } from '@bearing/contracts';
import {
  BOOLEANS,
  JOIN_KINDS,
  lexQuery,
  type QueryToken,
  RENDER_KINDS,
  SYNTAX_KEYWORDS,
  WORD_OPERATORS,
} from './query-syntax';

/** One suggestion, in the shape CodeMirror's autocomplete takes. */
export interface QuerySuggestion {
  label: string;
  /** CodeMirror's icon class: `type` (a table), `keyword`, `property` (a column), `function` … */
  type: string;
  detail?: string;
  info?: string;
  boost?: number;
}

export interface QuerySuggestions {
  /** Where the word being completed starts; the suggestion replaces `from`…cursor. */
  from: number;
  options: QuerySuggestion[];
}

const NOT_BEFORE_A_WORD = new Set<QueryToken['kind']>([
  'comment',
  'string',
  'datetime',
  'timespan',
  'number',
  'close',
  'other',
]);

const isWord = (token: QueryToken | undefined, ...words: string[]) =>
  token?.kind === 'word' && words.includes(token.text);

const plain = (labels: readonly string[], type: string, boost = 0): QuerySuggestion[] =>
  labels.map((label) => ({ label, type, boost }));

/**
 * What may come at `cursor` in `text`: a table at the start of the query (or of a join's
 * subquery), an operator after `|`, `timechart`/`barchart`/`table` after `render`, and
 * elsewhere the columns of the tables the query reads, the names it defines, the functions and
 * the keywords. `null` inside a string or comment, after a number, and — unless asked
 * (Ctrl+Space) — where no word has been started, except right after a `|`.
 */
export function suggestQueryWords(
  text: string,
  cursor: number,
  catalog: QueryCatalog,
  explicit: boolean,
): QuerySuggestions | null {
  const before = lexQuery(text.slice(0, cursor));
  const last = before.at(-1);
  const touching = last !== undefined && last.to === cursor;
  // In (or right at the end of) a string, comment, literal or `)`: nothing to complete.
  if (touching && NOT_BEFORE_A_WORD.has(last.kind)) return null;
  const typing = touching && last.kind === 'word';
  const from = typing ? last.from : cursor;
  const preceding = typing ? before.slice(0, -1) : before;
  const previous = preceding.at(-1);
  if (!typing && !explicit && previous?.kind !== 'pipe') return null;

  if (previous === undefined || startsSubquery(preceding)) {
    return {
      from,
      options: catalog.tables.map((table) => ({
        label: table.name,
        type: 'type',
        detail: 'table',
        info: table.description,
      })),
    };
  }
  if (previous.kind === 'pipe') return { from, options: plain(catalog.operators, 'keyword') };
  if (isWord(previous, 'render')) return { from, options: plain(RENDER_KINDS, 'enum') };
  if (previous.text === '=' && isWord(preceding.at(-2), 'kind')) {
    return { from, options: plain(JOIN_KINDS, 'enum') };
  }
  if (isWord(previous, 'join')) return { from, options: plain(['kind'], 'keyword') };
  if (isWord(previous, 'sort', 'order') || isWord(preceding.at(-2), 'top')) {
    return { from, options: plain(['by'], 'keyword') };
  }
  return { from, options: expressionWords(lexQuery(text), catalog, from) };
}

/** `join (` or `join kind=inner (`: a subquery, which starts with a table. */
function startsSubquery(tokens: QueryToken[]): boolean {
  if (tokens.at(-1)?.kind !== 'open') return false;
  if (isWord(tokens.at(-2), 'join')) return true;
  return (
    tokens.at(-3)?.text === '=' && isWord(tokens.at(-4), 'kind') && isWord(tokens.at(-5), 'join')
  );
}

/**
 * Inside an operator: the columns of every table the query names (a join reads two), the
 * names it defines (`x = …` in extend, project or summarize), the functions and the keywords.
 */
function expressionWords(
  tokens: QueryToken[],
  catalog: QueryCatalog,
  typedFrom: number,
): QuerySuggestion[] {
  const named = new Set(
    tokens.filter((token) => token.kind === 'word' && token.from !== typedFrom).map((t) => t.text),
  );
  const columns = new Map<string, QuerySuggestion & { tables: string[] }>();
  for (const table of catalog.tables.filter((candidate) => named.has(candidate.name))) {
    for (const column of table.columns) {
      const known = columns.get(column.name);
      if (known) {
        known.tables.push(table.name);
        known.detail = `${column.type} · ${known.tables.join(', ')}`;
      } else {
        columns.set(column.name, {
          label: column.name,
          type: 'property',
          detail: `${column.type} · ${table.name}`,
          info: column.description,
          boost: 2,
          tables: [table.name],
        });
      }
    }
  }
  const defined = new Set<string>();
  tokens.forEach((token, index) => {
    const next = tokens[index + 1];
    const joinKind = token.text === 'kind' && isWord(tokens[index - 1], 'join');
    if (token.kind === 'word' && !joinKind && next?.text === '=') {
      if (!columns.has(token.text) && token.from !== typedFrom) defined.add(token.text);
    }
  });
  return [
    ...[...columns.values()].map(({ tables: _tables, ...suggestion }) => suggestion),
    ...[...defined].map((label) => ({
      label,
      type: 'variable',
      detail: 'defined in this query',
      boost: 2,
    })),
    ...plain(catalog.functions, 'function'),
    ...plain([...SYNTAX_KEYWORDS, ...WORD_OPERATORS, ...BOOLEANS], 'keyword', -1),
  ];
}
