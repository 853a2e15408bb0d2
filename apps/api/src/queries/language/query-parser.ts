import { EmbeddedActionsParser, type IToken, type TokenType } from 'chevrotain';
import type {
  BinaryOperator,
  Expression,
  NamedExpression,
  Operator,
  Position,
  Query,
  SortKey,
} from './query-ast.js';
import * as T from './query-tokens.js';

/** A grammar-level mistake found while building the tree (e.g. `join kind=outer`). */
export type GrammarProblem = { at: Position; message: string };

const COMPARISONS: [TokenType, BinaryOperator][] = [
  [T.EqualEqual, '=='],
  [T.NotEqual, '!='],
  [T.LessEqual, '<='],
  [T.GreaterEqual, '>='],
  [T.Less, '<'],
  [T.Greater, '>'],
  [T.Contains, 'contains'],
  [T.StartsWith, 'startswith'],
  [T.Has, 'has'],
];

const TIMESPAN_UNITS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

export function positionOf(token: IToken): Position {
  return { line: token.startLine ?? 1, column: token.startColumn ?? 1, token: token.image };
}

/** Removes the quotes and resolves backslash escapes (`\"`, `\\`, `\n`, `\t`). */
function stringValue(image: string): string {
  return image.slice(1, -1).replace(/\\(.)/g, (_, escaped: string) => {
    if (escaped === 'n') return '\n';
    if (escaped === 't') return '\t';
    return escaped;
  });
}

function timespanValue(image: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|d|h|m|s)$/.exec(image);
  if (!match) return Number.NaN;
  return Number(match[1]) * (TIMESPAN_UNITS[match[2]!] ?? Number.NaN);
}

/**
 * The query language's grammar (a subset of KQL), written with chevrotain's parsing DSL: each
 * rule below is one production of the grammar in docs/query-language.md, and builds its piece
 * of the syntax tree as it goes. Operator precedence, loosest first: `or`, `and`, comparisons
 * and `in`, `+ -`, `* / %`, unary minus.
 */
export class QueryParser extends EmbeddedActionsParser {
  problems: GrammarProblem[] = [];

  constructor() {
    super(T.ALL_TOKENS, { recoveryEnabled: false, maxLookahead: 3 });
    this.performSelfAnalysis();
  }

  pipeline = this.RULE('query', (): Query => {
    const table = this.CONSUME(T.Identifier);
    const operators: Operator[] = [];
    this.MANY(() => {
      this.CONSUME(T.Pipe);
      operators.push(this.SUBRULE(this.operator));
    });
    return { table: { name: table.image, at: positionOf(table) }, operators };
  });

  private operator = this.RULE('operator', (): Operator => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.whereOperator) },
      { ALT: () => this.SUBRULE(this.projectOperator) },
      { ALT: () => this.SUBRULE(this.extendOperator) },
      { ALT: () => this.SUBRULE(this.summarizeOperator) },
      { ALT: () => this.SUBRULE(this.sortOperator) },
      { ALT: () => this.SUBRULE(this.takeOperator) },
      { ALT: () => this.SUBRULE(this.topOperator) },
      { ALT: () => this.SUBRULE(this.countOperator) },
      { ALT: () => this.SUBRULE(this.distinctOperator) },
      { ALT: () => this.SUBRULE(this.joinOperator) },
      { ALT: () => this.SUBRULE(this.renderOperator) },
    ]);
  });

  private whereOperator = this.RULE('whereOperator', (): Operator => {
    const at = this.CONSUME(T.Where);
    const predicate = this.SUBRULE(this.expression);
    return { kind: 'where', predicate, at: positionOf(at) };
  });

  private projectOperator = this.RULE('projectOperator', (): Operator => {
    const at = this.CONSUME(T.Project);
    const columns = this.SUBRULE(this.namedExpressions);
    return { kind: 'project', columns, at: positionOf(at) };
  });

  private extendOperator = this.RULE('extendOperator', (): Operator => {
    const at = this.CONSUME(T.Extend);
    const columns = this.SUBRULE(this.namedExpressions);
    return { kind: 'extend', columns, at: positionOf(at) };
  });

  private summarizeOperator = this.RULE('summarizeOperator', (): Operator => {
    const at = this.CONSUME(T.Summarize);
    let aggregates: NamedExpression[] = [];
    let by: NamedExpression[] = [];
    this.OPTION(() => {
      aggregates = this.SUBRULE(this.namedExpressions);
    });
    this.OPTION2(() => {
      this.CONSUME(T.By);
      by = this.SUBRULE2(this.namedExpressions);
    });
    return { kind: 'summarize', aggregates, by, at: positionOf(at) };
  });

  private sortOperator = this.RULE('sortOperator', (): Operator => {
    const at = this.OR([{ ALT: () => this.CONSUME(T.Sort) }, { ALT: () => this.CONSUME(T.Order) }]);
    this.CONSUME(T.By);
    const keys: SortKey[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => keys.push(this.SUBRULE(this.sortKey)),
    });
    return { kind: 'sort', keys, at: positionOf(at) };
  });

  private sortKey = this.RULE('sortKey', (): SortKey => {
    const expression = this.SUBRULE(this.expression);
    // KQL sorts descending unless told otherwise.
    let direction: 'asc' | 'desc' = 'desc';
    this.OPTION(() => {
      this.OR([
        { ALT: () => (this.CONSUME(T.Asc), (direction = 'asc')) },
        { ALT: () => (this.CONSUME(T.Desc), (direction = 'desc')) },
      ]);
    });
    return { expression, direction };
  });

  private takeOperator = this.RULE('takeOperator', (): Operator => {
    const at = this.OR([{ ALT: () => this.CONSUME(T.Take) }, { ALT: () => this.CONSUME(T.Limit) }]);
    const count = this.CONSUME(T.NumberLiteral);
    return { kind: 'take', count: this.ACTION(() => this.rowCount(count)), at: positionOf(at) };
  });

  private topOperator = this.RULE('topOperator', (): Operator => {
    const at = this.CONSUME(T.Top);
    const count = this.CONSUME(T.NumberLiteral);
    this.CONSUME(T.By);
    const key = this.SUBRULE(this.sortKey);
    return { kind: 'top', count: this.ACTION(() => this.rowCount(count)), key, at: positionOf(at) };
  });

  private countOperator = this.RULE('countOperator', (): Operator => {
    const at = this.CONSUME(T.Count);
    return { kind: 'count', at: positionOf(at) };
  });

  private distinctOperator = this.RULE('distinctOperator', (): Operator => {
    const at = this.CONSUME(T.Distinct);
    const columns: { name: string; at: Position }[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const column = this.CONSUME(T.Identifier);
        columns.push({ name: column.image, at: positionOf(column) });
      },
    });
    return { kind: 'distinct', columns, at: positionOf(at) };
  });

  private joinOperator = this.RULE('joinOperator', (): Operator => {
    const at = this.CONSUME(T.Join);
    let flavour: 'inner' | 'leftouter' = 'inner';
    // `kind` is a word only here (`kind=inner`): elsewhere it names a column (RaidItems.kind).
    this.OPTION({
      GATE: () =>
        this.LA(1).tokenType === T.Identifier &&
        this.LA(1).image === 'kind' &&
        this.LA(2).tokenType === T.Equal,
      DEF: () => {
        this.CONSUME3(T.Identifier);
        this.CONSUME(T.Equal);
        const name = this.CONSUME(T.Identifier);
        this.ACTION(() => {
          if (name.image === 'inner' || name.image === 'leftouter') flavour = name.image;
          else
            this.problems.push({
              at: positionOf(name),
              message: `join kind '${name.image}' is not offered — use inner or leftouter`,
            });
        });
      },
    });
    this.CONSUME(T.LParen);
    const right = this.SUBRULE(this.pipeline);
    this.CONSUME(T.RParen);
    this.CONSUME(T.On);
    const on: { name: string; at: Position }[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => {
        const column = this.CONSUME2(T.Identifier);
        on.push({ name: column.image, at: positionOf(column) });
      },
    });
    return { kind: 'join', flavour, right, on, at: positionOf(at) };
  });

  private renderOperator = this.RULE('renderOperator', (): Operator => {
    const at = this.CONSUME(T.Render);
    const chart = this.CONSUME(T.Identifier);
    let kind: 'timechart' | 'barchart' | 'table' = 'table';
    this.ACTION(() => {
      if (chart.image === 'timechart' || chart.image === 'barchart' || chart.image === 'table')
        kind = chart.image;
      else
        this.problems.push({
          at: positionOf(chart),
          message: `render '${chart.image}' is not offered — use timechart, barchart or table`,
        });
    });
    return { kind: 'render', chart: kind, at: positionOf(at) };
  });

  private namedExpressions = this.RULE('namedExpressions', (): NamedExpression[] => {
    const items: NamedExpression[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: T.Comma,
      DEF: () => items.push(this.SUBRULE(this.namedExpression)),
    });
    return items;
  });

  private namedExpression = this.RULE('namedExpression', (): NamedExpression => {
    return this.OR([
      {
        // `name = expression`: two tokens of lookahead tell it from a bare column or `a == b`.
        GATE: () => this.LA(1).tokenType === T.Identifier && this.LA(2).tokenType === T.Equal,
        ALT: () => {
          const name = this.CONSUME(T.Identifier);
          this.CONSUME(T.Equal);
          const expression = this.SUBRULE(this.expression);
          return { name: { text: name.image, at: positionOf(name) }, expression };
        },
      },
      { ALT: () => ({ expression: this.SUBRULE2(this.expression) }) },
    ]);
  });

  expression = this.RULE('expression', (): Expression => {
    let left = this.SUBRULE(this.andExpression);
    this.MANY(() => {
      const at = this.CONSUME(T.Or);
      const right = this.SUBRULE2(this.andExpression);
      left = { kind: 'binary', operator: 'or', left, right, at: positionOf(at) };
    });
    return left;
  });

  private andExpression = this.RULE('andExpression', (): Expression => {
    let left = this.SUBRULE(this.comparison);
    this.MANY(() => {
      const at = this.CONSUME(T.And);
      const right = this.SUBRULE2(this.comparison);
      left = { kind: 'binary', operator: 'and', left, right, at: positionOf(at) };
    });
    return left;
  });

  private comparison = this.RULE('comparison', (): Expression => {
    const left = this.SUBRULE(this.additive);
    let result: Expression = left;
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            const comparison = this.SUBRULE(this.comparisonOperator);
            const right = this.SUBRULE2(this.additive);
            result = this.ACTION(() => ({
              kind: 'binary',
              operator: comparison.operator,
              left,
              right,
              at: positionOf(comparison.token),
            }));
          },
        },
        {
          ALT: () => {
            const token = this.OR2([
              { ALT: () => this.CONSUME(T.In) },
              { ALT: () => this.CONSUME(T.NotIn) },
            ]);
            this.CONSUME(T.LParen);
            const values: Expression[] = [];
            this.AT_LEAST_ONE_SEP({
              SEP: T.Comma,
              DEF: () => values.push(this.SUBRULE(this.expression)),
            });
            this.CONSUME(T.RParen);
            result = {
              kind: 'in',
              negated: token.tokenType === T.NotIn,
              operand: left,
              values,
              at: positionOf(token),
            };
          },
        },
      ]);
    });
    return result;
  });

  private comparisonOperator = this.RULE(
    'comparisonOperator',
    (): { token: IToken; operator: BinaryOperator } => {
      return this.OR(
        COMPARISONS.map(([tokenType, operator]) => ({
          ALT: () => ({ token: this.CONSUME(tokenType), operator }),
        })),
      );
    },
  );

  private additive = this.RULE('additive', (): Expression => {
    let left = this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      const token = this.OR([
        { ALT: () => this.CONSUME(T.Plus) },
        { ALT: () => this.CONSUME(T.Minus) },
      ]);
      const right = this.SUBRULE2(this.multiplicative);
      const operator: BinaryOperator = token.tokenType === T.Plus ? '+' : '-';
      left = { kind: 'binary', operator, left, right, at: positionOf(token) };
    });
    return left;
  });

  private multiplicative = this.RULE('multiplicative', (): Expression => {
    let left = this.SUBRULE(this.unary);
    this.MANY(() => {
      const token = this.OR([
        { ALT: () => this.CONSUME(T.Star) },
        { ALT: () => this.CONSUME(T.Slash) },
        { ALT: () => this.CONSUME(T.Percent) },
      ]);
      const right = this.SUBRULE2(this.unary);
      const operator: BinaryOperator =
        token.tokenType === T.Star ? '*' : token.tokenType === T.Slash ? '/' : '%';
      left = { kind: 'binary', operator, left, right, at: positionOf(token) };
    });
    return left;
  });

  private unary = this.RULE('unary', (): Expression => {
    return this.OR([
      {
        ALT: (): Expression => {
          const at = this.CONSUME(T.Minus);
          const operand = this.SUBRULE(this.unary);
          return { kind: 'negate', operand, at: positionOf(at) };
        },
      },
      { ALT: (): Expression => this.SUBRULE(this.primary) },
    ]);
  });

  private primary = this.RULE('primary', (): Expression => {
    return this.OR([
      {
        ALT: (): Expression => {
          const token = this.CONSUME(T.NumberLiteral);
          return { kind: 'number', value: Number(token.image), at: positionOf(token) };
        },
      },
      {
        ALT: (): Expression => {
          const token = this.CONSUME(T.Timespan);
          return {
            kind: 'timespan',
            value: this.ACTION(() => timespanValue(token.image)),
            at: positionOf(token),
          };
        },
      },
      {
        ALT: (): Expression => {
          const token = this.CONSUME(T.StringLiteral);
          return {
            kind: 'string',
            value: this.ACTION(() => stringValue(token.image)),
            at: positionOf(token),
          };
        },
      },
      {
        ALT: (): Expression => {
          const token = this.CONSUME(T.True);
          return { kind: 'bool', value: true, at: positionOf(token) };
        },
      },
      {
        ALT: (): Expression => {
          const token = this.CONSUME(T.False);
          return { kind: 'bool', value: false, at: positionOf(token) };
        },
      },
      {
        ALT: (): Expression => {
          const token = this.CONSUME(T.DatetimeLiteral);
          const text = this.ACTION(() => token.image.slice('datetime('.length, -1).trim());
          return { kind: 'datetime', value: text, at: positionOf(token) };
        },
      },
      // `count()` is a function although `count` is also an operator's name.
      { ALT: (): Expression => this.SUBRULE(this.call) },
      {
        ALT: (): Expression => {
          const token = this.CONSUME2(T.Identifier);
          return { kind: 'column', name: token.image, at: positionOf(token) };
        },
      },
      {
        ALT: (): Expression => {
          this.CONSUME(T.LParen);
          const inner = this.SUBRULE(this.expression);
          this.CONSUME(T.RParen);
          return inner;
        },
      },
    ]);
  });

  private call = this.RULE('call', (): Expression => {
    const name = this.OR([
      {
        GATE: () => this.LA(2).tokenType === T.LParen,
        ALT: () => this.CONSUME(T.Identifier),
      },
      { ALT: () => this.CONSUME(T.Count) },
    ]);
    this.CONSUME(T.LParen);
    const args: Expression[] = [];
    this.MANY_SEP({
      SEP: T.Comma,
      DEF: () => args.push(this.SUBRULE(this.expression)),
    });
    this.CONSUME(T.RParen);
    return { kind: 'call', name: name.image, args, at: positionOf(name) };
  });

  private rowCount(token: IToken): number {
    const value = Number(token.image);
    if (!Number.isSafeInteger(value)) {
      this.problems.push({
        at: positionOf(token),
        message: `'${token.image}' is not a whole number of rows`,
      });
      return 0;
    }
    return value;
  }
}
