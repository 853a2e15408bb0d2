import { z } from 'zod';
import { metricDirectionSchema, metricKeySchema } from './kpis.js';
import { pageQuerySchema, pageSchema } from './pagination.js';

/**
 * Guardrails: a metric that must not deteriorate past a threshold while a program pursues its
 * objectives. Status comes from `evaluateGuardrail` of `@bearing/metrics` on the metric's
 * latest point; every change of status is kept.
 */

export const guardrailStatusSchema = z.enum(['ok', 'warning', 'breached']);

/**
 * How far the metric may move in its bad direction from `baseline`: by `value` (absolute), or
 * by `|baseline| × value` (relative, e.g. 0.1 = 10 %).
 */
export const guardrailThresholdSchema = z.strictObject({
  type: z.enum(['absolute', 'relative']),
  value: z.number().min(0, 'must be 0 or more'),
});

/** Share of the margin used up at which the status turns to `warning`; `null` = 0.8. */
const warnAtSchema = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

/**
 * `POST /api/workspaces/:workspace/guardrails` (editor) → `guardrailSchema`, 201. `metricKey`
 * must name a metric of the workspace that is not archived (400 at `metricKey` otherwise).
 */
export const createGuardrailRequestSchema = z.strictObject({
  metricKey: metricKeySchema,
  baseline: z.number(),
  threshold: guardrailThresholdSchema,
  warnAt: warnAtSchema.nullable().default(null),
});

/**
 * `PATCH /api/workspaces/:workspace/guardrails/:id` (editor) → `guardrailSchema`. The metric
 * stays; a change of status that the edit causes is recorded in the history.
 * `DELETE` on the same path (editor) → 204 deletes the guardrail with its history and program
 * links and ends every follow of it; published status reports keep their snapshot.
 */
export const updateGuardrailRequestSchema = z.strictObject({
  baseline: z.number().optional(),
  threshold: guardrailThresholdSchema.optional(),
  warnAt: warnAtSchema.nullable().optional(),
  version: z.number().int().min(1),
});

/** `GET /api/workspaces/:workspace/guardrails?metric=&status=` — oldest first. */
export const guardrailListQuerySchema = pageQuerySchema.extend({
  metric: metricKeySchema.optional(),
  status: guardrailStatusSchema.optional(),
  /** Only the guardrails linked to this program. */
  program: z.uuid().optional(),
});

/** Why a status was (re-)evaluated. */
export const guardrailChangeCauseSchema = z.enum([
  /** The guardrail was created on a metric that had points. */
  'created',
  /** Points arrived (or a point's value was replaced). */
  'points',
  /** The guardrail's baseline, threshold or warn level changed. */
  'edited',
  /** The metric's direction changed. */
  'metric-edited',
]);

/** One change of status, with the point whose value caused it. */
export const guardrailStatusChangeSchema = z.object({
  id: z.uuid(),
  /** `null` for the first evaluation. */
  from: guardrailStatusSchema.nullable(),
  to: guardrailStatusSchema,
  value: z.number(),
  /** Timestamp of the point that was evaluated. */
  timestamp: z.iso.datetime(),
  cause: guardrailChangeCauseSchema,
  changedAt: z.iso.datetime(),
});

/** `GET /api/workspaces/:workspace/guardrails/:id/history` — newest first. */
export const guardrailStatusChangePageSchema = pageSchema(guardrailStatusChangeSchema);

/** How many history entries a guardrail response embeds; the history route pages through all. */
export const GUARDRAIL_HISTORY_EMBEDDED = 20;

export const guardrailSchema = z.object({
  id: z.uuid(),
  metricKey: metricKeySchema,
  metric: z.object({
    key: metricKeySchema,
    name: z.string(),
    unit: z.string(),
    direction: metricDirectionSchema,
  }),
  baseline: z.number(),
  threshold: guardrailThresholdSchema,
  warnAt: z.number().nullable(),
  /** `evaluateGuardrail` on the latest point; `null` while the metric has no point. */
  status: guardrailStatusSchema.nullable(),
  /** The evaluation behind `status`; `marginUsed` 1 = at the limit, `null` for a zero margin. */
  evaluation: z
    .object({
      value: z.number(),
      timestamp: z.iso.datetime(),
      limit: z.number(),
      deterioration: z.number(),
      marginUsed: z.number().nullable(),
    })
    .nullable(),
  /** The latest changes of status, newest first (at most `GUARDRAIL_HISTORY_EMBEDDED`). */
  history: z.array(guardrailStatusChangeSchema),
  /** The programs that link this guardrail (oldest program first). */
  programIds: z.array(z.uuid()),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const guardrailPageSchema = pageSchema(guardrailSchema);

export type GuardrailStatus = z.infer<typeof guardrailStatusSchema>;
export type GuardrailThreshold = z.infer<typeof guardrailThresholdSchema>;
export type CreateGuardrailRequest = z.output<typeof createGuardrailRequestSchema>;
export type UpdateGuardrailRequest = z.infer<typeof updateGuardrailRequestSchema>;
export type GuardrailListQuery = z.output<typeof guardrailListQuerySchema>;
export type GuardrailChangeCause = z.infer<typeof guardrailChangeCauseSchema>;
export type GuardrailStatusChange = z.infer<typeof guardrailStatusChangeSchema>;
export type GuardrailStatusChangePage = z.infer<typeof guardrailStatusChangePageSchema>;
export type Guardrail = z.infer<typeof guardrailSchema>;
export type GuardrailPage = z.infer<typeof guardrailPageSchema>;
