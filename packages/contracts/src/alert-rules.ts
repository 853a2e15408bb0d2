import { z } from 'zod';
import { QUERY_MAX_LENGTH, queryResultSchema } from './queries.js';
import { versionField } from './program-fields.js';
import { text, untrimmedText } from './text.js';

/** How often a rule runs, how far back it looks, and how long a fired alert stays quiet. */
export const ALERT_RULE_EVERY_MINUTES = { min: 5, max: 1440 } as const;
export const ALERT_RULE_LOOKBACK_MINUTES = { min: 5, max: 366 * 1440 } as const;
export const ALERT_RULE_SUPPRESS_MINUTES = { min: 0, max: 30 * 1440 } as const;
/** The matching rows an alert keeps (the first ones). */
export const ALERT_ROWS_KEPT = 50;

export const alertTriggerOperatorSchema = z.enum(['>', '>=', '<', '<=', '==', '!=']);
export const alertSeveritySchema = z.enum(['low', 'medium', 'high']);
export const alertStateSchema = z.enum(['firing', 'acknowledged', 'resolved']);

const columnName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'must be a column name of the query result' });

/**
 * When a rule matches: without `column`, the number of result rows compared with `threshold`;
 * with `column`, each row's value — the rule matches when any row does.
 */
export const alertTriggerSchema = z.strictObject({
  column: columnName.optional(),
  op: alertTriggerOperatorSchema,
  threshold: z.number(),
});

const ruleFields = {
  name: text().min(1).max(200),
  query: untrimmedText().min(1).max(QUERY_MAX_LENGTH),
  everyMinutes: z
    .number()
    .int()
    .min(ALERT_RULE_EVERY_MINUTES.min)
    .max(ALERT_RULE_EVERY_MINUTES.max),
  lookbackMinutes: z
    .number()
    .int()
    .min(ALERT_RULE_LOOKBACK_MINUTES.min)
    .max(ALERT_RULE_LOOKBACK_MINUTES.max),
  trigger: alertTriggerSchema,
  severity: alertSeveritySchema,
  suppressMinutes: z
    .number()
    .int()
    .min(ALERT_RULE_SUPPRESS_MINUTES.min)
    .max(ALERT_RULE_SUPPRESS_MINUTES.max),
  /** One alert per distinct value of this column (per team, per metric …). */
  groupBy: columnName.optional(),
  enabled: z.boolean(),
};

export const alertRuleInputSchema = z.strictObject(ruleFields);
export type AlertRuleInput = z.infer<typeof alertRuleInputSchema>;

/** PATCH: any of the fields, with the version the change was made against. */
export const alertRulePatchSchema = alertRuleInputSchema
  .partial()
  .extend({ version: z.number().int().min(1) });
export type AlertRulePatch = z.infer<typeof alertRulePatchSchema>;

export const alertRuleSchema = z.object({
  id: z.string(),
  ...ruleFields,
  trigger: z.object({
    column: z.string().optional(),
    op: alertTriggerOperatorSchema,
    threshold: z.number(),
  }),
  groupBy: z.string().optional(),
  lastRunAt: z.iso.datetime().nullable(),
  nextRunAt: z.iso.datetime().nullable(),
  /** Why the last run failed (the query's 400 in words), if it did. */
  lastError: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type AlertRule = z.infer<typeof alertRuleSchema>;
export const alertRuleListSchema = z.object({ items: z.array(alertRuleSchema) });

/** "Test rule": run once, now, over the last `days`, firing nothing. */
export const alertRuleTestSchema = z.strictObject({ days: z.number().int().min(1).max(366) });
export const unsavedAlertRuleTestSchema = z.strictObject({
  rule: alertRuleInputSchema,
  days: z.number().int().min(1).max(366),
});

export const alertRuleTestResultSchema = z.object({
  rows: queryResultSchema.shape.rows,
  columns: queryResultSchema.shape.columns,
  /** The rows the trigger matches (all rows when it counts rows and matches). */
  matched: z.number().int(),
  wouldFire: z.boolean(),
  /** The groups that would have an alert (one `""` without `groupBy`). */
  groups: z.array(z.string()),
});
export type AlertRuleTestResult = z.infer<typeof alertRuleTestResultSchema>;

export const alertSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  severity: alertSeveritySchema,
  state: alertStateSchema,
  /** The value of the rule's `groupBy` column for this alert; `""` without grouping. */
  group: z.string(),
  firstSeenAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().nullable(),
  /** The matching rows of the latest run that matched (at most `ALERT_ROWS_KEPT`). */
  rows: queryResultSchema.shape.rows,
  /** The rows' columns in the query's order (empty for alerts stored before they were kept). */
  columns: queryResultSchema.shape.columns,
});
export type Alert = z.infer<typeof alertSchema>;
export const alertListSchema = z.object({ items: z.array(alertSchema) });
export const alertListQuerySchema = z.strictObject({ state: alertStateSchema.optional() });

export const savedQueryInputSchema = z.strictObject({
  name: text().min(1).max(200),
  query: untrimmedText().min(1).max(QUERY_MAX_LENGTH),
});
export type SavedQueryInput = z.infer<typeof savedQueryInputSchema>;
/** Replacing a saved query: its name and text, with the `version` the editor loaded (stale → 409). */
export const updateSavedQueryRequestSchema = savedQueryInputSchema.extend({
  version: versionField,
});
export type UpdateSavedQueryRequest = z.infer<typeof updateSavedQueryRequestSchema>;
export const savedQuerySchema = z.object({
  id: z.string(),
  name: z.string(),
  query: z.string(),
  /** Optimistic concurrency: send it back to replace the query. */
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type SavedQuery = z.infer<typeof savedQuerySchema>;
export const savedQueryListSchema = z.object({ items: z.array(savedQuerySchema) });

/**
 * A ready-made rule (guardrail breached, KPI beyond its XmR limits, ageing items …): the
 * rule editor starts from `rule`, which the user may change before saving.
 */
export const alertRuleTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  rule: alertRuleInputSchema,
});
export type AlertRuleTemplate = z.infer<typeof alertRuleTemplateSchema>;
export const alertRuleTemplateListSchema = z.object({ items: z.array(alertRuleTemplateSchema) });
