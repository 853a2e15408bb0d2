import type { BinaryOperator, Expression, Position } from './query-ast.js';
import { didYouMean } from './did-you-mean.js';
import { AGGREGATE_FUNCTIONS, QUERY_FUNCTIONS } from './query-words.js';
import { QueryCompileError } from './query-compile-error.js';
import { isNumeric, type Column, type ColumnType } from './query-types.js';
import { quoted, type SqlParameters } from './sql-parameters.js';

export type CompiledExpression = { sql: string; type: ColumnType; aggregate: boolean };

export type ExpressionScope = {
  columns: readonly Column[];
  /** The SQL alias of the relation the columns belong to. */
  alias: string;
  params: SqlParameters;
  /** Inside `summarize`: aggregates allowed, bare columns only inside them. */
  aggregates: boolean;
  /** Describes the relation in messages ("in MetricPoints"). */
  relation: string;
  /**
   * Told of each operation that can fail on some data — an overflow, a date out of range — so a
   * run that fails can say which one did.
   */
  risky?: (at: Position, compiled: CompiledExpression) => void;
};

/** Functions whose result can be out of range for some data. */
const RISKY_FUNCTIONS = new Set(['ago', 'bin', 'startofweek', 'startofday', 'sum', 'avg']);

const AGGREGATES = new Set<string>(AGGREGATE_FUNCTIONS);
const FUNCTIONS: readonly string[] = QUERY_FUNCTIONS;

const MS = "interval '1 millisecond'";

function typeName(type: ColumnType): string {
  return type;
}

function fail(at: Position, message: string, suggestion?: string): never {
  throw new QueryCompileError(at, message, suggestion);
}

function sameFamily(left: ColumnType, right: ColumnType): boolean {
  return left === right || (isNumeric(left) && isNumeric(right));
}

const datetimeText = (literal: Extract<Expression, { kind: 'datetime' }>) =>
  literal.value.replace(/^["']|["']$/g, '');

/** The instant a `datetime(…)` literal stands for (UTC unless it names an offset), if it is one. */
export function datetimeOf(literal: Extract<Expression, { kind: 'datetime' }>): Date | undefined {
  const text = datetimeText(literal);
  const valid =
    /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/.test(
      text,
    );
  const date = new Date(/T|\s/.test(text) && !/Z|[+-]\d{2}:\d{2}$/.test(text) ? `${text}Z` : text);
  return valid && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** Compiles one expression of the query to SQL over `scope`, checking every type on the way. */
export function compileExpression(
  expression: Expression,
  scope: ExpressionScope,
  insideAggregate = false,
): CompiledExpression {
  const recurse = (inner: Expression, nested = insideAggregate) =>
    compileExpression(inner, scope, nested);
  switch (expression.kind) {
    case 'string':
      return { sql: scope.params.add(expression.value, 'text'), type: 'string', aggregate: false };
    case 'number':
      return {
        sql: scope.params.add(expression.value, 'double precision'),
        type: Number.isInteger(expression.value) ? 'long' : 'real',
        aggregate: false,
      };
    case 'bool':
      return { sql: scope.params.add(expression.value, 'boolean'), type: 'bool', aggregate: false };
    case 'timespan':
      return {
        sql: scope.params.add(expression.value, 'double precision'),
        type: 'timespan',
        aggregate: false,
      };
    case 'datetime': {
      const date = datetimeOf(expression);
      if (!date) {
        fail(
          expression.at,
          `'${datetimeText(expression)}' is not a date — write datetime(2026-11-01) or datetime(2026-11-01T08:00:00Z)`,
        );
      }
      // PostgreSQL has no year 0 (the year before 1 is 1 BC): such a date would fail the run.
      if (date.getUTCFullYear() < 1) {
        fail(expression.at, `'${datetimeText(expression)}' is before the year 1`);
      }
      return {
        sql: scope.params.add(date.toISOString(), 'timestamptz'),
        type: 'datetime',
        aggregate: false,
      };
    }
    case 'column': {
      const column = scope.columns.find((candidate) => candidate.name === expression.name);
      if (!column) {
        const suggestion = didYouMean(
          expression.name,
          scope.columns.map((candidate) => candidate.name),
        );
        fail(
          expression.at,
          `unknown column '${expression.name}' in ${scope.relation}${suggestion ? ` — did you mean '${suggestion}'?` : ''}`,
          suggestion,
        );
      }
      if (scope.aggregates && !insideAggregate) {
        fail(
          expression.at,
          `'${expression.name}' must be inside an aggregate such as count(), sum() or avg(), or listed after 'by'`,
        );
      }
      return { sql: `${scope.alias}.${quoted(column.name)}`, type: column.type, aggregate: false };
    }
    case 'negate': {
      const operand = recurse(expression.operand);
      if (!isNumeric(operand.type) && operand.type !== 'timespan') {
        fail(expression.at, `'-' needs a number or a timespan, not a ${typeName(operand.type)}`);
      }
      return risky(scope, expression.at, {
        sql: `(-${operand.sql})`,
        type: operand.type,
        aggregate: operand.aggregate,
      });
    }
    case 'in': {
      const operand = recurse(expression.operand);
      const values = expression.values.map((value) => {
        const compiled = recurse(value);
        if (!sameFamily(operand.type, compiled.type)) {
          fail(
            value.at,
            `'${expression.negated ? '!in' : 'in'}' compares a ${operand.type} with a ${compiled.type}`,
          );
        }
        return compiled.sql;
      });
      const sql = `${operand.sql} ${expression.negated ? 'NOT IN' : 'IN'} (${values.join(', ')})`;
      return { sql: `(${sql})`, type: 'bool', aggregate: operand.aggregate };
    }
    case 'binary': {
      const compiled = compileBinary(
        expression.operator,
        recurse(expression.left),
        recurse(expression.right),
        expression.at,
      );
      return ARITHMETIC.has(expression.operator) ? risky(scope, expression.at, compiled) : compiled;
    }
    case 'call': {
      const compiled = compileCall(expression, scope, insideAggregate);
      return RISKY_FUNCTIONS.has(expression.name)
        ? risky(scope, expression.at, compiled)
        : compiled;
    }
  }
}

const ARITHMETIC = new Set<BinaryOperator>(['+', '-', '*', '/', '%']);

/** Tells the scope of an operation that can fail on some data; returns it. */
function risky(scope: ExpressionScope, at: Position, compiled: CompiledExpression) {
  scope.risky?.(at, compiled);
  return compiled;
}

function compileBinary(
  operator: BinaryOperator,
  left: CompiledExpression,
  right: CompiledExpression,
  at: Position,
): CompiledExpression {
  const aggregate = left.aggregate || right.aggregate;
  const mismatch = (): never =>
    fail(at, `'${operator}' cannot combine a ${left.type} with a ${right.type}`);
  switch (operator) {
    case 'and':
    case 'or':
      if (left.type !== 'bool' || right.type !== 'bool') mismatch();
      return {
        sql: `(${left.sql} ${operator.toUpperCase()} ${right.sql})`,
        type: 'bool',
        aggregate,
      };
    case '==':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (!sameFamily(left.type, right.type)) mismatch();
      if (left.type === 'bool' && operator !== '==' && operator !== '!=') mismatch();
      const sqlOperator = operator === '==' ? '=' : operator === '!=' ? '<>' : operator;
      return { sql: `(${left.sql} ${sqlOperator} ${right.sql})`, type: 'bool', aggregate };
    }
    case 'contains':
    case 'startswith':
    case 'has': {
      if (left.type !== 'string' || right.type !== 'string') mismatch();
      // KQL's string operators ignore case.
      const sql =
        operator === 'contains'
          ? `(strpos(lower(${left.sql}), lower(${right.sql})) > 0)`
          : operator === 'startswith'
            ? `starts_with(lower(${left.sql}), lower(${right.sql}))`
            : // `has` matches a whole term: the text split at every non-alphanumeric character.
              `(lower(${right.sql}) = ANY (regexp_split_to_array(lower(${left.sql}), '[^[:alnum:]]+')))`;
      return { sql, type: 'bool', aggregate };
    }
    case '+':
    case '-': {
      if (isNumeric(left.type) && isNumeric(right.type)) {
        const type = left.type === 'long' && right.type === 'long' ? 'long' : 'real';
        return { sql: `(${left.sql} ${operator} ${right.sql})`, type, aggregate };
      }
      if (left.type === 'datetime' && right.type === 'timespan') {
        return {
          sql: `(${left.sql} ${operator} ${right.sql} * ${MS})`,
          type: 'datetime',
          aggregate,
        };
      }
      if (operator === '-' && left.type === 'datetime' && right.type === 'datetime') {
        return {
          sql: `(extract(epoch from (${left.sql} - ${right.sql})) * 1000)::double precision`,
          type: 'timespan',
          aggregate,
        };
      }
      if (left.type === 'timespan' && right.type === 'timespan') {
        return { sql: `(${left.sql} ${operator} ${right.sql})`, type: 'timespan', aggregate };
      }
      return mismatch();
    }
    case '*':
    case '/':
    case '%': {
      if (isNumeric(left.type) && isNumeric(right.type)) {
        if (operator === '/') {
          // Division by zero gives null rather than failing the whole query.
          return {
            sql: `(${left.sql}::double precision / NULLIF(${right.sql}, 0))`,
            type: 'real',
            aggregate,
          };
        }
        if (operator === '%') {
          if (left.type !== 'long' || right.type !== 'long') mismatch();
          return {
            sql: `(${left.sql}::bigint % NULLIF(${right.sql}::bigint, 0))`,
            type: 'long',
            aggregate,
          };
        }
        const type = left.type === 'long' && right.type === 'long' ? 'long' : 'real';
        return { sql: `(${left.sql} * ${right.sql})`, type, aggregate };
      }
      if (operator === '*' && left.type === 'timespan' && isNumeric(right.type)) {
        return { sql: `(${left.sql} * ${right.sql})`, type: 'timespan', aggregate };
      }
      if (operator === '/' && left.type === 'timespan' && right.type === 'timespan') {
        return { sql: `(${left.sql} / NULLIF(${right.sql}, 0))`, type: 'real', aggregate };
      }
      return mismatch();
    }
  }
}

function expectArguments(call: Extract<Expression, { kind: 'call' }>, count: number): void {
  if (call.args.length !== count) {
    fail(
      call.at,
      `${call.name}() takes ${count === 0 ? 'no arguments' : count === 1 ? 'one argument' : `${count} arguments`}, got ${call.args.length}`,
    );
  }
}

function expectType(
  call: Extract<Expression, { kind: 'call' }>,
  argument: CompiledExpression,
  index: number,
  accepted: ColumnType[],
): void {
  if (!accepted.includes(argument.type)) {
    fail(
      call.args[index]?.at ?? call.at,
      `${call.name}() needs a ${accepted.join(' or ')} here, not a ${argument.type}`,
    );
  }
}

function compileCall(
  call: Extract<Expression, { kind: 'call' }>,
  scope: ExpressionScope,
  insideAggregate: boolean,
): CompiledExpression {
  const name = call.name;
  if (!FUNCTIONS.includes(name)) {
    const suggestion = didYouMean(name, FUNCTIONS);
    fail(
      call.at,
      `unknown function '${name}'${suggestion ? ` — did you mean '${suggestion}'?` : ''}`,
      suggestion,
    );
  }
  if (AGGREGATES.has(name)) {
    if (!scope.aggregates) fail(call.at, `${name}() is an aggregate: use it in 'summarize'`);
    if (insideAggregate) fail(call.at, `${name}() cannot be inside another aggregate`);
  }
  const args = () =>
    call.args.map((argument) =>
      compileExpression(argument, scope, insideAggregate || AGGREGATES.has(name)),
    );
  switch (name) {
    case 'now':
      expectArguments(call, 0);
      return { sql: scope.params.now(), type: 'datetime', aggregate: false };
    case 'ago': {
      expectArguments(call, 1);
      const [span] = args() as [CompiledExpression];
      expectType(call, span, 0, ['timespan']);
      return {
        sql: `(${scope.params.now()} - ${span.sql} * ${MS})`,
        type: 'datetime',
        aggregate: span.aggregate,
      };
    }
    case 'startofweek':
    case 'startofday': {
      expectArguments(call, 1);
      const [value] = args() as [CompiledExpression];
      expectType(call, value, 0, ['datetime']);
      const unit = name === 'startofweek' ? 'week' : 'day';
      // date_trunc('week') starts weeks on the ISO Monday; both in UTC.
      return {
        sql: `(date_trunc('${unit}', ${value.sql} AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')`,
        type: 'datetime',
        aggregate: value.aggregate,
      };
    }
    case 'bin': {
      expectArguments(call, 2);
      const [value, size] = args() as [CompiledExpression, CompiledExpression];
      if (value.type === 'datetime') {
        expectType(call, size, 1, ['timespan']);
        // date_bin works on the timestamp's integer microseconds; arithmetic on extract(epoch),
        // a numeric, made a 90-day daily summary of a million points five times slower. A
        // zero size bins nothing (null, as before); a negative one is a 400 from the database.
        return {
          sql: `date_bin(NULLIF(${size.sql}, 0) * ${MS}, ${value.sql}, timestamptz 'epoch')`,
          type: 'datetime',
          aggregate: value.aggregate,
        };
      }
      expectType(call, value, 0, ['long', 'real', 'timespan']);
      expectType(call, size, 1, value.type === 'timespan' ? ['timespan'] : ['long', 'real']);
      const type: ColumnType =
        value.type === 'long' && size.type === 'long'
          ? 'long'
          : value.type === 'timespan'
            ? 'timespan'
            : 'real';
      return {
        sql: `(floor(${value.sql} / NULLIF(${size.sql}, 0)) * ${size.sql})`,
        type,
        aggregate: value.aggregate,
      };
    }
    case 'isnull':
    case 'isnotnull': {
      expectArguments(call, 1);
      const [value] = args() as [CompiledExpression];
      return {
        sql: `(${value.sql} IS ${name === 'isnull' ? '' : 'NOT '}NULL)`,
        type: 'bool',
        aggregate: value.aggregate,
      };
    }
    case 'tolower': {
      expectArguments(call, 1);
      const [value] = args() as [CompiledExpression];
      expectType(call, value, 0, ['string']);
      return { sql: `lower(${value.sql})`, type: 'string', aggregate: value.aggregate };
    }
    case 'not': {
      expectArguments(call, 1);
      const [value] = args() as [CompiledExpression];
      expectType(call, value, 0, ['bool']);
      return { sql: `(NOT ${value.sql})`, type: 'bool', aggregate: value.aggregate };
    }
    case 'count':
      expectArguments(call, 0);
      return { sql: 'count(*)::bigint', type: 'long', aggregate: true };
    case 'countif': {
      expectArguments(call, 1);
      const [predicate] = args() as [CompiledExpression];
      expectType(call, predicate, 0, ['bool']);
      return {
        sql: `(count(*) FILTER (WHERE ${predicate.sql}))::bigint`,
        type: 'long',
        aggregate: true,
      };
    }
    case 'dcount': {
      expectArguments(call, 1);
      const [value] = args() as [CompiledExpression];
      return { sql: `count(DISTINCT ${value.sql})::bigint`, type: 'long', aggregate: true };
    }
    case 'sum':
    case 'avg': {
      expectArguments(call, 1);
      const [value] = args() as [CompiledExpression];
      expectType(call, value, 0, ['long', 'real', 'timespan']);
      const type: ColumnType =
        value.type === 'timespan' ? 'timespan' : name === 'sum' ? value.type : 'real';
      const cast = type === 'long' ? 'bigint' : 'double precision';
      return { sql: `${name}(${value.sql})::${cast}`, type, aggregate: true };
    }
    case 'min':
    case 'max': {
      expectArguments(call, 1);
      const [value] = args() as [CompiledExpression];
      expectType(call, value, 0, ['long', 'real', 'timespan', 'datetime', 'string']);
      return { sql: `${name}(${value.sql})`, type: value.type, aggregate: true };
    }
    default: {
      // percentile(x, p): nearest rank, as KQL defines it and as the dashboards show their
      // percentiles (cycle and lead time, forecasts: @bearing/metrics' quantile with
      // 'nearest-rank'), which is SQL's percentile_disc — so a p85 here equals the chart's, and
      // is a value of x (a long stays a long).
      expectArguments(call, 2);
      // Only the first argument becomes SQL: the percentage must be a literal, sent once below.
      const value = compileExpression(call.args[0] as Expression, scope, true);
      expectType(call, value, 0, ['long', 'real', 'timespan']);
      const p = call.args[1];
      if (p?.kind !== 'number' || p.value < 0 || p.value > 100) {
        fail(p?.at ?? call.at, 'percentile() takes a number from 0 to 100 as its second argument');
      }
      const fraction = scope.params.add(p.value / 100, 'double precision');
      return {
        sql: `(percentile_disc(${fraction}) WITHIN GROUP (ORDER BY ${value.sql}))`,
        type: value.type,
        aggregate: true,
      };
    }
  }
}
