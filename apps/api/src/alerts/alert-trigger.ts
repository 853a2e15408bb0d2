import type { QueryResult } from '@bearing/contracts';
import type { AlertRule } from './alert-rule.entity.js';

export type TriggerOutcome = {
  /** The rows the trigger matches (all rows when it counts rows and the count matches). */
  matched: QueryResult['rows'];
  /** One entry per alert the result calls for: the `groupBy` value, or `''`. */
  groups: Map<string, QueryResult['rows']>;
};

export type Trigger = Pick<
  AlertRule,
  'triggerColumn' | 'triggerOp' | 'triggerThreshold' | 'groupBy'
>;

function compare(value: number, op: AlertRule['triggerOp'], threshold: number): boolean {
  switch (op) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '==':
      return value === threshold;
    case '!=':
      return value !== threshold;
  }
}

/** Whether a number (a row's value, or the number of rows) passes the rule's trigger. */
export function compareWithTrigger(rule: Trigger, value: number): boolean {
  return compare(value, rule.triggerOp, rule.triggerThreshold);
}

/** Rows by the value of the grouping column, in the order they come. */
export function groupRows(
  rows: QueryResult['rows'],
  column: string | null,
): Map<string, QueryResult['rows']> {
  const groups = new Map<string, QueryResult['rows']>();
  for (const row of rows) {
    const key = groupKey(row, column);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}

/** The value a row has in the grouping column, as the alert's group key. */
export function groupKey(row: QueryResult['rows'][number], column: string | null): string {
  if (column === null) return '';
  const value = row[column];
  return value === null || value === undefined ? '' : String(value);
}

/**
 * Applies a rule's trigger to a query result, as SIEM rules do: without a column, the number
 * of rows against the threshold (all rows match together); with a column, each row whose
 * numeric value passes (rows without a number never match). Matching rows are grouped by the
 * `groupBy` column, one alert per group.
 */
export function applyTrigger(rule: Trigger, result: QueryResult): TriggerOutcome {
  let matched: QueryResult['rows'];
  if (rule.triggerColumn === null) {
    matched = compare(result.rows.length, rule.triggerOp, rule.triggerThreshold) ? result.rows : [];
    // "No rows" can be what matches (`== 0`): that still raises one alert.
    if (
      matched.length === 0 &&
      compare(result.rows.length, rule.triggerOp, rule.triggerThreshold)
    ) {
      return { matched, groups: new Map([['', []]]) };
    }
  } else {
    const column = rule.triggerColumn;
    matched = result.rows.filter((row) => {
      const value = row[column];
      return typeof value === 'number' && compare(value, rule.triggerOp, rule.triggerThreshold);
    });
  }
  return { matched, groups: groupRows(matched, rule.groupBy) };
}
