import { z } from 'zod';
import { userSchema } from './auth.js';
import { isoDaySchema } from './days.js';
import { metricKeySchema } from './kpis.js';
import { pageQuerySchema, pageSchema } from './pagination.js';
import type { ProblemFieldError } from './problem.js';
import { text } from './text.js';

/**
 * Objectives and key results: periods, objectives (an alignment tree), key results with their
 * numbers, and check-ins. Every number in a response (`progress`, `expectedProgress`, `pace`,
 * `score`) comes from `@bearing/metrics`, as of `okrAsOf` of the period: today (the server's
 * UTC date) while it runs, its last day once it is over — values read as of the same day.
 */

/** Optimistic concurrency: every edit sends the `version` it was based on; a stale one is a 409. */
const versionSchema = z.number().int().min(1);

// ---------------------------------------------------------------------------------------------
// Periods

export const periodNameSchema = text().min(1).max(100);

/** `start ≤ end`, reported at `end` so a form can point at the field to fix. */
function endNotBeforeStart(
  period: { start?: string | undefined; end?: string | undefined },
  context: z.RefinementCtx,
) {
  if (period.start !== undefined && period.end !== undefined && period.end < period.start) {
    context.addIssue({ code: 'custom', path: ['end'], message: 'must not be before start' });
  }
}

/** `POST /api/workspaces/:workspace/periods` (editor) → `periodSchema`. Periods may overlap. */
export const createPeriodRequestSchema = z
  .strictObject({ name: periodNameSchema, start: isoDaySchema, end: isoDaySchema })
  .superRefine(endNotBeforeStart);

/**
 * `PATCH /api/workspaces/:workspace/periods/:id` (editor) → `periodSchema`. Fields left out stay
 * as they are; the resulting `end` must not be before `start`.
 */
export const updatePeriodRequestSchema = z
  .strictObject({
    name: periodNameSchema.optional(),
    start: isoDaySchema.optional(),
    end: isoDaySchema.optional(),
    version: versionSchema,
  })
  .superRefine(endNotBeforeStart);

export const periodSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** First day of the period. */
  start: isoDaySchema,
  /** Last day of the period (inclusive). */
  end: isoDaySchema,
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** `GET /api/workspaces/:workspace/periods` — latest start first. */
export const periodPageSchema = pageSchema(periodSchema);

// ---------------------------------------------------------------------------------------------
// Objectives

export const objectiveStatusSchema = z.enum(['active', 'closed', 'cancelled']);

/** How progress keeps up with time elapsed in the period (`paceStatus` of `@bearing/metrics`). */
export const paceSchema = z.enum(['on-track', 'at-risk', 'off-track']);

const objectiveTitleSchema = text().min(1).max(200);
const descriptionSchema = text().max(5000);

/**
 * `POST /api/workspaces/:workspace/objectives` (editor) → `objectiveSchema`. `ownerId` must be a
 * member of the workspace; `parentId` (alignment) an objective of the workspace.
 */
export const createObjectiveRequestSchema = z.strictObject({
  title: objectiveTitleSchema,
  description: descriptionSchema.default(''),
  ownerId: z.uuid(),
  periodId: z.uuid(),
  parentId: z.uuid().nullable().default(null),
  status: objectiveStatusSchema.default('active'),
});

/**
 * `PATCH /api/workspaces/:workspace/objectives/:id` (editor) → `objectiveSchema`. `parentId: null`
 * detaches the objective; a parent that is the objective itself or one of its descendants is
 * refused (400 at `parentId`), so the alignment tree never has a cycle.
 */
export const updateObjectiveRequestSchema = z.strictObject({
  title: objectiveTitleSchema.optional(),
  description: descriptionSchema.optional(),
  ownerId: z.uuid().optional(),
  periodId: z.uuid().optional(),
  parentId: z.uuid().nullable().optional(),
  status: objectiveStatusSchema.optional(),
  version: versionSchema,
});

/** `GET /api/workspaces/:workspace/objectives?period=&owner=&status=` — oldest first. */
export const objectiveListQuerySchema = pageQuerySchema.extend({
  period: z.uuid().optional(),
  owner: z.uuid().optional(),
  status: objectiveStatusSchema.optional(),
  /** Only the objectives linked to this program. */
  program: z.uuid().optional(),
});

export const objectiveSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  ownerId: z.uuid(),
  owner: userSchema,
  periodId: z.uuid(),
  /** The objective this one aligns to (any period), or `null` at the root of the tree. */
  parentId: z.uuid().nullable(),
  status: objectiveStatusSchema,
  /**
   * `objectiveRollup`: its own key results (each clamped to 0–1, weighted) and the objectives
   * aligned below it that are not cancelled (each with its own roll-up, weighing like a key
   * result of weight 1), recursively; `null` when none of them is measured.
   */
  progress: z.number().nullable(),
  /**
   * What `progress` was rolled up from: how many of its own key results and of its directly
   * aligned objectives were measured and counted (both 0 while `progress` is `null`).
   */
  rolledUpFrom: z.object({
    keyResults: z.number().int().min(0),
    objectives: z.number().int().min(0),
  }),
  /** `expectedProgress` of its period as of today (its end once over): share elapsed, 0–1. */
  expectedProgress: z.number(),
  /** `paceStatus(progress, expectedProgress)`; `null` while `progress` is. */
  pace: paceSchema.nullable(),
  /** `okrScore(progress)`: 0.0–1.0 in steps of 0.1; `null` while `progress` is. */
  score: z.number().nullable(),
  /** The programs that link this objective (oldest program first). */
  programIds: z.array(z.uuid()),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const objectivePageSchema = pageSchema(objectiveSchema);

// ---------------------------------------------------------------------------------------------
// Key results

export const keyResultKindSchema = z.enum([
  'increase',
  'decrease',
  'stay-above',
  'stay-below',
  'milestone',
]);

/** How often the owner is expected to check in: every 7 days, 14 days or calendar month. */
export const checkInCadenceSchema = z.enum(['weekly', 'biweekly', 'monthly']);

/** `'due'`: a cadence interval has passed since the last check-in; `'overdue'`: two have. */
export const checkInDueSchema = z.enum(['due', 'overdue']);

type KeyResultShape = {
  kind: z.infer<typeof keyResultKindSchema>;
  baseline?: number | null | undefined;
  target?: number | null | undefined;
  metricKey?: string | null | undefined;
};

/**
 * The rules that tie a key result's fields together, one `{ path, message }` per broken rule:
 * - `increase` / `decrease` need a `baseline` and a `target` that differ from each other, the
 *   target above (increase) or below (decrease) the baseline;
 * - `stay-above` / `stay-below` need a `target` (the threshold to hold; `baseline` is optional
 *   and may equal it);
 * - a `milestone` goes from 0 (not done) to 1 (done): `baseline` and `target` are 0 and 1 when
 *   given, and it is checked in by hand, so it follows no metric.
 * The API applies them to a new key result and to the result of an edit; forms can call it too.
 */
export function keyResultRuleViolations(keyResult: KeyResultShape): ProblemFieldError[] {
  const { kind, baseline, target, metricKey } = keyResult;
  const violations: ProblemFieldError[] = [];
  const missing = (path: 'baseline' | 'target') =>
    violations.push({
      path,
      message: `is required for ${kind === 'increase' ? 'an' : 'a'} ${kind} key result`,
    });
  const given = (value: number | null | undefined): value is number =>
    value !== null && value !== undefined;
  switch (kind) {
    case 'increase':
    case 'decrease':
      if (!given(baseline)) missing('baseline');
      if (!given(target)) missing('target');
      if (!given(baseline) || !given(target)) break;
      if (target === baseline) {
        violations.push({ path: 'target', message: 'must differ from the baseline' });
      } else if (kind === 'increase' && target < baseline) {
        violations.push({ path: 'target', message: 'must be above the baseline to increase' });
      } else if (kind === 'decrease' && target > baseline) {
        violations.push({ path: 'target', message: 'must be below the baseline to decrease' });
      }
      break;
    case 'stay-above':
    case 'stay-below':
      if (!given(target)) missing('target');
      break;
    case 'milestone':
      if (given(baseline) && baseline !== 0) {
        violations.push({ path: 'baseline', message: 'must be 0 for a milestone (not done)' });
      }
      if (given(target) && target !== 1) {
        violations.push({ path: 'target', message: 'must be 1 for a milestone (done)' });
      }
      if (metricKey !== null && metricKey !== undefined) {
        violations.push({
          path: 'metricKey',
          message: 'a milestone is checked in by hand and cannot follow a metric',
        });
      }
      break;
  }
  return violations;
}

const keyResultTitleSchema = text().min(1).max(200);
const unitSchema = text().max(32);
const weightSchema = z.number().positive('must be greater than 0');

/**
 * `POST /api/workspaces/:workspace/key-results` (editor) → `keyResultSchema`. Defaults: `unit`
 * empty, `weight` 1, `cadence` weekly, no metric; a milestone's baseline and target are 0 and 1.
 * With `metricKey` (a metric of the workspace, not archived: 400 at `metricKey`, also when an
 * edit links one) the metric's latest point is the current value,
 * and `unit` is the metric's — left empty, it takes it; another is refused (400 at `unit`), as
 * after an edit that links a metric or changes the unit; otherwise the latest check-in's value
 * is. The objective must be active: a closed or cancelled one keeps its key results as they were
 * (400 at `objective.status`, as for a check-in) until it is reopened.
 */
export const createKeyResultRequestSchema = z
  .strictObject({
    objectiveId: z.uuid(),
    title: keyResultTitleSchema,
    kind: keyResultKindSchema,
    unit: unitSchema.default(''),
    baseline: z.number().nullable().optional(),
    target: z.number().nullable().optional(),
    weight: weightSchema.default(1),
    cadence: checkInCadenceSchema.default('weekly'),
    metricKey: metricKeySchema.nullable().default(null),
  })
  .superRefine((keyResult, context) => {
    for (const violation of keyResultRuleViolations(keyResult)) {
      context.addIssue({ code: 'custom', path: [violation.path], message: violation.message });
    }
  });

/**
 * `PATCH /api/workspaces/:workspace/key-results/:id` (editor) → `keyResultSchema`. The fields
 * sent replace the stored ones, and the result must keep `keyResultRuleViolations` empty. Its
 * objective must be active (else 400 at `objective.status`), and so must one it moves to (else
 * 400 at `objectiveId`).
 * `DELETE` on the same path (editor) → 204 deletes the key result with its check-ins: its
 * objective's progress and score then come from its other key results. A key result of a
 * closed or cancelled objective stays (400 at `objective.status`) until the objective is
 * reopened. Published status reports keep their snapshot.
 */
export const updateKeyResultRequestSchema = z.strictObject({
  objectiveId: z.uuid().optional(),
  title: keyResultTitleSchema.optional(),
  kind: keyResultKindSchema.optional(),
  unit: unitSchema.optional(),
  baseline: z.number().nullable().optional(),
  target: z.number().nullable().optional(),
  weight: weightSchema.optional(),
  cadence: checkInCadenceSchema.optional(),
  metricKey: metricKeySchema.nullable().optional(),
  version: versionSchema,
});

/** `GET /api/workspaces/:workspace/key-results?objective=&period=` — oldest first. */
export const keyResultListQuerySchema = pageQuerySchema.extend({
  objective: z.uuid().optional(),
  period: z.uuid().optional(),
});

// ---------------------------------------------------------------------------------------------
// Check-ins

export const confidenceSchema = z.enum(['on-track', 'at-risk', 'off-track']);

/**
 * `POST /api/workspaces/:workspace/key-results/:id/check-ins` (editor) → `checkInSchema`, 201.
 * `date` defaults to today and may not be in the future; a milestone's `value` is 0 or 1. The
 * key result's objective must be active (a closed or cancelled one is a 400). Check-ins are
 * history: a correction is a new check-in, none is ever changed.
 */
export const createCheckInRequestSchema = z.strictObject({
  value: z.number(),
  confidence: confidenceSchema,
  note: text().max(5000).default(''),
  date: isoDaySchema.optional(),
});

export const checkInSchema = z.object({
  id: z.uuid(),
  keyResultId: z.uuid(),
  value: z.number(),
  confidence: confidenceSchema,
  note: z.string(),
  date: isoDaySchema,
  author: userSchema,
  createdAt: z.iso.datetime(),
});

/** `GET /api/workspaces/:workspace/key-results/:id/check-ins` — latest date first. */
export const checkInPageSchema = pageSchema(checkInSchema);

export const keyResultSchema = z.object({
  id: z.uuid(),
  objectiveId: z.uuid(),
  title: z.string(),
  kind: keyResultKindSchema,
  unit: z.string(),
  /** `null` for a stay-above / stay-below without a recorded starting value. */
  baseline: z.number().nullable(),
  target: z.number(),
  weight: z.number(),
  cadence: checkInCadenceSchema,
  metricKey: metricKeySchema.nullable(),
  /**
   * The linked metric's latest point, else the latest check-in's value — dated on or before
   * today, or the period's end once it is over; `null` before either.
   */
  current: z.number().nullable(),
  /** `keyResultProgress`: 1 = target met; not clamped (1.25 = 125 %). */
  progress: z.number().nullable(),
  /** `expectedProgress` of the objective's period as of today (its end once over), 0–1. */
  expectedProgress: z.number(),
  pace: paceSchema.nullable(),
  score: z.number().nullable(),
  /**
   * The latest check-in (by date, then by when it was made) dated on or before today, or the
   * period's end once it is over — the one `current` is read from when no metric is linked.
   */
  lastCheckIn: checkInSchema.nullable(),
  /**
   * For an active objective within its period: `'due'` once one cadence interval has passed
   * since the last check-in (or since the key result started: the later of its creation and the
   * period's start), `'overdue'` once two have; else `null`.
   */
  checkInDue: checkInDueSchema.nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const keyResultPageSchema = pageSchema(keyResultSchema);

export type CreatePeriodRequest = z.infer<typeof createPeriodRequestSchema>;
export type UpdatePeriodRequest = z.infer<typeof updatePeriodRequestSchema>;
export type Period = z.infer<typeof periodSchema>;
export type PeriodPage = z.infer<typeof periodPageSchema>;
export type ObjectiveStatus = z.infer<typeof objectiveStatusSchema>;
export type Pace = z.infer<typeof paceSchema>;
export type CreateObjectiveRequest = z.output<typeof createObjectiveRequestSchema>;
export type UpdateObjectiveRequest = z.infer<typeof updateObjectiveRequestSchema>;
export type ObjectiveListQuery = z.output<typeof objectiveListQuerySchema>;
export type Objective = z.infer<typeof objectiveSchema>;
export type ObjectivePage = z.infer<typeof objectivePageSchema>;
export type KeyResultKind = z.infer<typeof keyResultKindSchema>;
export type CheckInCadence = z.infer<typeof checkInCadenceSchema>;
export type CheckInDue = z.infer<typeof checkInDueSchema>;
export type CreateKeyResultRequest = z.output<typeof createKeyResultRequestSchema>;
export type UpdateKeyResultRequest = z.infer<typeof updateKeyResultRequestSchema>;
export type KeyResultListQuery = z.output<typeof keyResultListQuerySchema>;
export type KeyResult = z.infer<typeof keyResultSchema>;
export type KeyResultPage = z.infer<typeof keyResultPageSchema>;
export type Confidence = z.infer<typeof confidenceSchema>;
export type CreateCheckInRequest = z.output<typeof createCheckInRequestSchema>;
export type CheckIn = z.infer<typeof checkInSchema>;
export type CheckInPage = z.infer<typeof checkInPageSchema>;
