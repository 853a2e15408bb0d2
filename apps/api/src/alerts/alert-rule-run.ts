import { QUERY_ROW_CAP, type QueryResult } from '@bearing/contracts';
import type { Operator, Position, QueriesService, RunOptions } from '../queries/queries.service.js';
import type { AlertRule } from './alert-rule.entity.js';
import {
  applyTrigger,
  compareWithTrigger,
  groupKey,
  groupRows,
  type Trigger,
} from './alert-trigger.js';

type Rows = QueryResult['rows'];

/** One group the rule raises an alert for: rows to show (of the query's first rows) and how many match. */
export type RuleGroup = { rows: Rows; matching: number };

export type RuleRun = {
  /** The query's answer as any run of it: at most `QUERY_ROW_CAP` rows. */
  result: QueryResult;
  /** The groups the trigger matches, each with the rows kept and the number of matching rows. */
  groups: Map<string, RuleGroup>;
  /** Rows matching the trigger, all of them (all rows when it counts rows and the count matches). */
  matched: number;
  /**
   * Why the run could not see every group (too many for the row cap even counted): the groups
   * it did not see may still match, so their open alerts must stay as they are.
   */
  incomplete: string | null;
};

/** Where synthesized operators "are" in the text, for a message that cannot come (columns were checked on save). */
const SYNTHESIZED: Position = { line: 1, column: 1, token: '' };

/** A name for the counted rows that is not the grouping column's. */
function countColumn(groupBy: string | null): string {
  return groupBy === 'alertMatchingRows' ? 'alertMatchingRows_' : 'alertMatchingRows';
}

/**
 * The rule's trigger as operators after its query: the rows that match (a column's trigger),
 * counted per group — so a result beyond the row cap is judged on every row, in the database.
 */
function countingOperators(rule: Trigger): Operator[] {
  const operators: Operator[] = [];
  if (rule.triggerColumn !== null) {
    operators.push({
      kind: 'where',
      predicate: {
        kind: 'binary',
        operator: rule.triggerOp,
        left: { kind: 'column', name: rule.triggerColumn, at: SYNTHESIZED },
        right: { kind: 'number', value: rule.triggerThreshold, at: SYNTHESIZED },
        at: SYNTHESIZED,
      },
      at: SYNTHESIZED,
    });
  }
  operators.push({
    kind: 'summarize',
    aggregates: [
      {
        name: { text: countColumn(rule.groupBy), at: SYNTHESIZED },
        expression: { kind: 'call', name: 'count', args: [], at: SYNTHESIZED },
      },
    ],
    by:
      rule.groupBy === null
        ? []
        : [{ expression: { kind: 'column', name: rule.groupBy, at: SYNTHESIZED } }],
    at: SYNTHESIZED,
  });
  return operators;
}

/**
 * Runs a rule's query and applies its trigger. A result within the row cap is judged on its
 * rows. One beyond it (its rows are the first `QUERY_ROW_CAP` in the query's order, which
 * without `sort` is any) is judged on all of them: the trigger is counted per group in the
 * database, so a group is not missed (nor resolved) for lying past the cap and a row count
 * above the cap is the real one; the rows kept per group are those among the first rows.
 */
export async function runRule(
  queries: QueriesService,
  workspaceId: string,
  rule: Trigger & Pick<AlertRule, 'query'>,
  options: Omit<RunOptions, 'append'>,
): Promise<RuleRun> {
  const result = await queries.run(workspaceId, rule.query, options);
  const seen = applyTrigger(rule, result);
  const shown = (rows: Rows): RuleGroup => ({ rows, matching: rows.length });
  if (!result.stats.truncated) {
    const groups = new Map([...seen.groups].map(([key, rows]) => [key, shown(rows)]));
    return { result, groups, matched: seen.matched.length, incomplete: null };
  }
  const counted = await queries.run(workspaceId, rule.query, {
    ...options,
    append: countingOperators(rule),
  });
  const column = countColumn(rule.groupBy);
  const counts = new Map<string, number>();
  for (const row of counted.rows) {
    const count = row[column];
    if (typeof count === 'number' && count > 0) counts.set(groupKey(row, rule.groupBy), count);
  }
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  // Rows that match only together (a row count) match in every group or in none.
  const matches = rule.triggerColumn !== null || compareWithTrigger(rule, total);
  // The rows to show: of the first rows, those that match (a column's trigger) or all of them.
  const sample = rule.triggerColumn === null ? groupRows(result.rows, rule.groupBy) : seen.groups;
  const groups = new Map<string, RuleGroup>();
  if (matches) {
    for (const [key, matching] of counts) {
      groups.set(key, { rows: sample.get(key) ?? [], matching });
    }
  }
  const incomplete = counted.stats.truncated
    ? `the result has more than ${QUERY_ROW_CAP.toLocaleString('en')} rows and more than ${QUERY_ROW_CAP.toLocaleString('en')} groups: alerts of groups past them stay open — narrow the query or summarize it`
    : null;
  // Counted groups past the cap are unknown: what the first rows show still fires.
  if (incomplete !== null && matches) {
    for (const [key, rows] of sample) if (!groups.has(key)) groups.set(key, shown(rows));
  }
  return { result, groups, matched: matches ? total : 0, incomplete };
}
