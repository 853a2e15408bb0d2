import { datetimeOf } from './compile-expression.js';
import type { Expression } from './query-ast.js';

/**
 * The earliest instant a `where` right after a table lets through on the table's time column
 * `column`, when the predicate says so plainly: `column >= X` or `column > X` (or `X <= column`,
 * `X < column`), alone or among conditions joined by `and`, where X is a constant the compiler
 * can work out — `datetime(…)`, `now()`, `ago(7d)`, or one of these plus or minus a timespan.
 * Undefined when it cannot tell (any other condition, `or`, a computed X). Rows before it are
 * filtered out by the statement anyway: a loader of computed rows may leave them out.
 */
export function lowerBoundOf(predicate: Expression, column: string, now: Date): Date | undefined {
  if (predicate.kind !== 'binary') return undefined;
  const { operator, left, right } = predicate;
  if (operator === 'and') {
    const bounds = [lowerBoundOf(left, column, now), lowerBoundOf(right, column, now)].filter(
      (bound) => bound !== undefined,
    );
    return bounds.length === 0
      ? undefined
      : new Date(Math.max(...bounds.map((bound) => bound.getTime())));
  }
  const isColumn = (expression: Expression) =>
    expression.kind === 'column' && expression.name === column;
  if ((operator === '>=' || operator === '>') && isColumn(left)) return instantOf(right, now);
  if ((operator === '<=' || operator === '<') && isColumn(right)) return instantOf(left, now);
  return undefined;
}

/**
 * The instant a constant datetime expression stands for, a millisecond early: the statement
 * computes in microseconds, so a timespan with a fraction of a millisecond may put its bound
 * up to that much before the one worked out here.
 */
function instantOf(expression: Expression, now: Date): Date | undefined {
  const ms = millisecondsOf(expression, now);
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  const instant = new Date(Math.floor(ms) - 1);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

function millisecondsOf(expression: Expression, now: Date): number | undefined {
  if (expression.kind === 'datetime') return datetimeOf(expression)?.getTime();
  if (expression.kind === 'call') {
    if (expression.name === 'now' && expression.args.length === 0) return now.getTime();
    const [span] = expression.args;
    if (expression.name !== 'ago' || expression.args.length !== 1 || !span) return undefined;
    const ms = timespanOf(span);
    return ms === undefined ? undefined : now.getTime() - ms;
  }
  if (
    expression.kind === 'binary' &&
    (expression.operator === '+' || expression.operator === '-')
  ) {
    const base = millisecondsOf(expression.left, now);
    const span = timespanOf(expression.right);
    if (base === undefined || span === undefined) return undefined;
    return expression.operator === '+' ? base + span : base - span;
  }
  return undefined;
}

/** A timespan literal's milliseconds, `-7d` included. */
function timespanOf(expression: Expression): number | undefined {
  if (expression.kind === 'timespan') return expression.value;
  if (expression.kind === 'negate' && expression.operand.kind === 'timespan')
    return -expression.operand.value;
  return undefined;
}
