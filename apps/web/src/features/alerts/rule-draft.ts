import {
  ALERT_RULE_LOOKBACK_MINUTES,
  type AlertRuleInput,
  alertRuleInputSchema,
  type Problem,
} from '@bearing/contracts';
import { ApiError } from '../../api/api-error';
import { numberText, parseNumberText } from '../../components/number-input-text';
import { type PathErrors, pathErrorsFromIssues } from '../../components/path-errors';

export type TriggerOperator = AlertRuleInput['trigger']['op'];
export type Severity = AlertRuleInput['severity'];

export const OPERATORS: readonly TriggerOperator[] = ['>', '>=', '<', '<=', '==', '!='];

/** The editor's fields as typed: numbers stay text until the rule is checked. */
export interface RuleValues {
  name: string;
  query: string;
  everyMinutes: string;
  lookbackMinutes: string;
  /** Blank: the trigger compares the number of result rows. */
  triggerColumn: string;
  operator: TriggerOperator;
  threshold: string;
  severity: Severity;
  suppressMinutes: string;
  groupBy: string;
  enabled: boolean;
}

/**
 * A new rule: checked every 15 minutes over the last hour, firing when the query returns any
 * row, at most once an hour per group.
 */
export function blankRule(query = ''): RuleValues {
  return {
    name: '',
    query,
    everyMinutes: '15',
    lookbackMinutes: '60',
    triggerColumn: '',
    operator: '>',
    threshold: '0',
    severity: 'medium',
    suppressMinutes: '60',
    groupBy: '',
    enabled: true,
  };
}

/** A saved rule or a template's, in the editor's fields. */
export function valuesOf(rule: AlertRuleInput): RuleValues {
  return {
    name: rule.name,
    query: rule.query,
    everyMinutes: numberText(rule.everyMinutes),
    lookbackMinutes: numberText(rule.lookbackMinutes),
    triggerColumn: rule.trigger.column ?? '',
    operator: rule.trigger.op,
    threshold: numberText(rule.trigger.threshold),
    severity: rule.severity,
    suppressMinutes: numberText(rule.suppressMinutes),
    groupBy: rule.groupBy ?? '',
    enabled: rule.enabled,
  };
}

const NUMBER_FIELDS = {
  everyMinutes: 'everyMinutes',
  lookbackMinutes: 'lookbackMinutes',
  threshold: 'trigger.threshold',
  suppressMinutes: 'suppressMinutes',
} as const;

/**
 * The request body the fields make, or what is wrong with them keyed by the body's paths
 * (`trigger.column`): the contract's schema — the API's own check — plus plainer words for a
 * blank or non-numeric number.
 */
export function parseRule(values: RuleValues): { rule: AlertRuleInput } | { errors: PathErrors } {
  const numbers: Partial<Record<keyof typeof NUMBER_FIELDS, number>> = {};
  const errors: PathErrors = {};
  for (const [field, path] of Object.entries(NUMBER_FIELDS) as [
    keyof typeof NUMBER_FIELDS,
    string,
  ][]) {
    const parsed = parseNumberText(values[field]);
    if (parsed === null) errors[path] = 'Enter a number';
    else if (parsed === undefined) errors[path] = 'Must be a number';
    else numbers[field] = parsed;
  }
  const column = values.triggerColumn.trim();
  const groupBy = values.groupBy.trim();
  const body = {
    name: values.name,
    query: values.query,
    everyMinutes: numbers.everyMinutes,
    lookbackMinutes: numbers.lookbackMinutes,
    trigger: {
      ...(column === '' ? {} : { column }),
      op: values.operator,
      threshold: numbers.threshold,
    },
    severity: values.severity,
    suppressMinutes: numbers.suppressMinutes,
    ...(groupBy === '' ? {} : { groupBy }),
    enabled: values.enabled,
  };
  if (values.name.trim() === '') errors.name = 'Enter a name';
  if (values.query.trim() === '') errors.query = 'Write the query the rule runs';
  const parsed = alertRuleInputSchema.safeParse(body);
  if (!parsed.success) {
    const fromSchema = pathErrorsFromIssues(parsed.error.issues);
    const all = { ...fromSchema, ...errors };
    return { errors: all };
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { rule: parsed.data };
}

type FieldError = NonNullable<Problem['errors']>[number];

/** "Line 2, column 9: unknown column 'vale' …" — where in the query, as an editor counts. */
function withPosition(error: FieldError): string {
  const message = error.message.charAt(0).toUpperCase() + error.message.slice(1);
  if (error.line === undefined || error.column === undefined) return message;
  return `Line ${error.line}, column ${error.column}: ${error.message}`;
}

/**
 * A 400's problems keyed by the rule's field paths: the unsaved test's body nests the rule under
 * `rule`, so `rule.name` is the `name` field. Every query mistake is kept (with its position),
 * one per line; other fields keep their first message.
 */
export function ruleErrorsFromProblem(error: unknown): PathErrors {
  if (!(error instanceof ApiError) || error.status !== 400 || !error.problem.errors) return {};
  const errors: PathErrors = {};
  for (const entry of error.problem.errors) {
    const path = entry.path.replace(/^rule\./, '');
    const message = withPosition(entry);
    if (path === 'query' && errors.query !== undefined)
      errors.query = `${errors.query}\n${message}`;
    else errors[path] ??= message;
  }
  return errors;
}

/** The field paths the editor shows inline; a 400 about anything else goes in the alert above. */
export const RULE_FIELDS = [
  'name',
  'query',
  'everyMinutes',
  'lookbackMinutes',
  'trigger',
  'severity',
  'suppressMinutes',
  'groupBy',
  'enabled',
] as const;

/** How many days "Test rule" looks back by default: the rule's own lookback, in whole days. */
export function testDaysFor(lookbackText: string): number {
  const minutes = parseNumberText(lookbackText);
  if (typeof minutes !== 'number' || minutes < ALERT_RULE_LOOKBACK_MINUTES.min) return 1;
  return Math.min(366, Math.max(1, Math.ceil(minutes / 1440)));
}

/** Whether two rules say the same (a saved rule can then be tested by its id). */
export function sameRule(a: AlertRuleInput, b: AlertRuleInput): boolean {
  return JSON.stringify(normalized(a)) === JSON.stringify(normalized(b));
}

function normalized(rule: AlertRuleInput) {
  return {
    name: rule.name,
    query: rule.query,
    everyMinutes: rule.everyMinutes,
    lookbackMinutes: rule.lookbackMinutes,
    trigger: {
      column: rule.trigger.column ?? null,
      op: rule.trigger.op,
      threshold: rule.trigger.threshold,
    },
    severity: rule.severity,
    suppressMinutes: rule.suppressMinutes,
    groupBy: rule.groupBy ?? null,
    enabled: rule.enabled,
  };
}
