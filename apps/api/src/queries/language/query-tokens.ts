import { createToken, Lexer, type TokenType } from 'chevrotain';

// The query language's words and symbols, in the order the lexer tries them: longer and more
// specific patterns first (`<=` before `<`, a timespan `7d` before a number `7`, keywords
// before the identifier they would otherwise match).

const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/ });

/** A reserved word, matched whole (`bycount` stays one identifier), case-sensitive as in KQL. */
function keyword(word: string): TokenType {
  return createToken({
    name: word.charAt(0).toUpperCase() + word.slice(1),
    label: `'${word}'`,
    pattern: new RegExp(word),
    longer_alt: Identifier,
  });
}

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /\s+/,
  group: Lexer.SKIPPED,
});
export const Comment = createToken({
  name: 'Comment',
  pattern: /\/\/[^\n]*/,
  group: Lexer.SKIPPED,
});

export const Where = keyword('where');
export const Project = keyword('project');
export const Extend = keyword('extend');
export const Summarize = keyword('summarize');
export const By = keyword('by');
export const Sort = keyword('sort');
export const Order = keyword('order');
export const Asc = keyword('asc');
export const Desc = keyword('desc');
export const Take = keyword('take');
export const Limit = keyword('limit');
export const Top = keyword('top');
export const Count = keyword('count');
export const Distinct = keyword('distinct');
export const Join = keyword('join');
export const On = keyword('on');
export const Render = keyword('render');
export const And = keyword('and');
export const Or = keyword('or');
export const In = keyword('in');
export const Contains = keyword('contains');
export const StartsWith = keyword('startswith');
export const Has = keyword('has');
export const True = keyword('true');
export const False = keyword('false');

/** `datetime(2026-11-01)` or `datetime(2026-11-01T08:00:00Z)`: one token, its text checked later. */
export const DatetimeLiteral = createToken({
  name: 'DatetimeLiteral',
  label: 'datetime(…)',
  pattern: /datetime\(\s*[^()]*\)/,
});
export const Timespan = createToken({
  name: 'Timespan',
  label: 'a timespan such as 7d',
  pattern: /\d+(?:\.\d+)?(?:ms|d|h|m|s)(?![A-Za-z0-9_])/,
});
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  label: 'a number',
  pattern: /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/,
});
export const StringLiteral = createToken({
  name: 'StringLiteral',
  label: 'a string',
  pattern: /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/,
});

export const Pipe = createToken({ name: 'Pipe', label: "'|'", pattern: /\|/ });
export const Comma = createToken({ name: 'Comma', label: "','", pattern: /,/ });
export const LParen = createToken({ name: 'LParen', label: "'('", pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', label: "')'", pattern: /\)/ });
export const EqualEqual = createToken({ name: 'EqualEqual', label: "'=='", pattern: /==/ });
export const NotEqual = createToken({ name: 'NotEqual', label: "'!='", pattern: /!=/ });
export const NotIn = createToken({ name: 'NotIn', label: "'!in'", pattern: /!in(?![A-Za-z0-9_])/ });
export const LessEqual = createToken({ name: 'LessEqual', label: "'<='", pattern: /<=/ });
export const GreaterEqual = createToken({ name: 'GreaterEqual', label: "'>='", pattern: />=/ });
export const Less = createToken({ name: 'Less', label: "'<'", pattern: /</ });
export const Greater = createToken({ name: 'Greater', label: "'>'", pattern: />/ });
export const Equal = createToken({ name: 'Equal', label: "'='", pattern: /=/ });
export const Plus = createToken({ name: 'Plus', label: "'+'", pattern: /\+/ });
export const Minus = createToken({ name: 'Minus', label: "'-'", pattern: /-/ });
export const Star = createToken({ name: 'Star', label: "'*'", pattern: /\*/ });
export const Slash = createToken({ name: 'Slash', label: "'/'", pattern: /\// });
export const Percent = createToken({ name: 'Percent', label: "'%'", pattern: /%/ });

export { Identifier };

export const ALL_TOKENS: TokenType[] = [
  WhiteSpace,
  Comment,
  DatetimeLiteral,
  Where,
  Project,
  Extend,
  Summarize,
  By,
  Sort,
  Order,
  Asc,
  Desc,
  Take,
  Limit,
  Top,
  Count,
  Distinct,
  Join,
  On,
  Render,
  And,
  Or,
  In,
  Contains,
  StartsWith,
  Has,
  True,
  False,
  Identifier,
  Timespan,
  NumberLiteral,
  StringLiteral,
  Pipe,
  Comma,
  LParen,
  RParen,
  EqualEqual,
  NotEqual,
  NotIn,
  LessEqual,
  GreaterEqual,
  Less,
  Greater,
  Equal,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
];

export const queryLexer = new Lexer(ALL_TOKENS, {
  positionTracking: 'full',
  ensureOptimizations: false,
});
