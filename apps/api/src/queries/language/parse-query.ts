import type { IRecognitionException, IToken } from 'chevrotain';
import type { Position, Query } from './query-ast.js';
import { didYouMean } from './did-you-mean.js';
import { QueryParser } from './query-parser.js';
import { QUERY_OPERATORS } from './query-words.js';
import { queryLexer } from './query-tokens.js';

/** One mistake in a query, located as an editor shows it (1-based line and column). */
export type QueryError = {
  /** The request field holding the query: `query` (a rule's body too). */
  path: string;
  line: number;
  column: number;
  token: string;
  message: string;
  suggestion?: string;
};

export type ParseResult = { ok: true; query: Query } | { ok: false; errors: QueryError[] };

/** The parser is stateful between runs only in `input`/`errors`; one instance serves every call. */
const parser = new QueryParser();

const OPERATORS: readonly string[] = QUERY_OPERATORS;

/** After `|` comes an operator; a misspelt one gets a suggestion. */
function operatorError(at: Position): QueryError {
  const list = OPERATORS.join(', ');
  if (at.token === '')
    return queryError(at, `expected an operator after '|' (${list}) but the query ends`);
  const suggestion = didYouMean(at.token, OPERATORS);
  return queryError(
    at,
    `unknown operator '${at.token}'${suggestion ? ` — did you mean '${suggestion}'?` : ` — use one of ${list}`}`,
    suggestion,
  );
}

export function queryError(at: Position, message: string, suggestion?: string): QueryError {
  return {
    path: 'query',
    line: at.line,
    column: at.column,
    token: at.token,
    message,
    ...(suggestion === undefined ? {} : { suggestion }),
  };
}

/** Where the query text ends: the position a "missing …" error points at. */
function endOf(text: string): Position {
  const lines = text.split('\n');
  const last = lines[lines.length - 1] ?? '';
  return { line: lines.length, column: last.length + 1, token: '' };
}

function tokenPosition(token: IToken, text: string): Position {
  // chevrotain's end-of-input token has no position.
  if (token.tokenType.name === 'EOF' || Number.isNaN(token.startOffset)) return endOf(text);
  return { line: token.startLine ?? 1, column: token.startColumn ?? 1, token: token.image };
}

const EXPRESSION = 'an expression (a column, a value or a function call)';

/** What each grammar rule is made of, in words, for "expected …" messages. */
const RULE_PHRASES: Record<string, string> = {
  query: 'a table name',
  expression: EXPRESSION,
  andExpression: EXPRESSION,
  comparison: EXPRESSION,
  additive: EXPRESSION,
  multiplicative: EXPRESSION,
  unary: EXPRESSION,
  primary: EXPRESSION,
  call: 'a function call',
  namedExpressions: 'a column or name = expression',
  namedExpression: 'a column or name = expression',
  sortKey: EXPRESSION,
  comparisonOperator: 'a comparison',
};

/** Says in words what the parser expected, without chevrotain's internal rule names. */
function recognitionMessage(error: IRecognitionException, found: Position): string {
  const foundText = found.token === '' ? 'the query ends' : `found '${found.token}'`;
  if (error.name === 'NotAllInputParsedException') {
    return `unexpected '${found.token}' — a new operator starts with '|'`;
  }
  const expectedToken = /--> (.+?) <--/.exec(error.message)?.[1];
  if (error.name === 'MismatchedTokenException' && expectedToken) {
    return `expected ${expectedToken} but ${foundText}`;
  }
  const rule = error.context.ruleStack.at(-1) ?? 'query';
  return `expected ${RULE_PHRASES[rule] ?? EXPRESSION} but ${foundText}`;
}

/**
 * Turns query text into its syntax tree, or into errors that name the line, column and token
 * (never an exception: any string gives one or the other).
 */
export function parseQuery(text: string): ParseResult {
  const lexed = queryLexer.tokenize(text);
  if (lexed.errors.length > 0) {
    return {
      ok: false,
      errors: lexed.errors.map((error) => {
        const character = text.substr(error.offset, Math.max(1, error.length));
        return queryError(
          { line: error.line ?? 1, column: error.column ?? 1, token: character },
          `unexpected character '${character}'`,
        );
      }),
    };
  }
  if (lexed.tokens.length === 0) {
    return {
      ok: false,
      errors: [queryError(endOf(text), 'the query is empty — start with a table name')],
    };
  }
  parser.input = lexed.tokens;
  parser.problems = [];
  const query = parser.pipeline();
  if (parser.errors.length > 0) {
    return {
      ok: false,
      errors: parser.errors.slice(0, 1).map((error) => {
        const at = tokenPosition(error.token, text);
        if (error.context.ruleStack.at(-1) === 'operator') return operatorError(at);
        return queryError(at, recognitionMessage(error, at));
      }),
    };
  }
  if (parser.problems.length > 0) {
    return {
      ok: false,
      errors: parser.problems.map((problem) => queryError(problem.at, problem.message)),
    };
  }
  return { ok: true, query };
}
