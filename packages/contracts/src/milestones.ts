import { z } from 'zod';
import { pageQuerySchema, pageSchema } from './pagination.js';
import {
  personSchema,
  programDay,
  programInstant,
  programName,
  programText,
  versionField,
} from './program-fields.js';

/**
 * Milestones of a program (`/api/workspaces/:workspace/programs/:program/milestones`). The
 * baseline date is set once, at creation, and never rewritten; every move of the current date
 * is kept with its reason and author, so "3 weeks late against the original plan" is always
 * visible.
 */

/**
 * `POST …/milestones` (editor) → `milestoneSchema`, 201. A new milestone starts on its baseline:
 * `currentDate`, if sent, must equal `baselineDate` (moves are made with PATCH and a reason).
 * `completedAt` is the day it was completed: a day that has begun somewhere (not after today in
 * UTC+14, so every user's own today is accepted); a later one is a 400 naming it.
 */
export const createMilestoneRequestSchema = z.strictObject({
  name: programName,
  baselineDate: programDay,
  currentDate: programDay.optional(),
  completedAt: programDay.nullable().default(null),
});

/**
 * `PATCH …/milestones/:id` (editor) → `milestoneSchema`. A change of `currentDate` needs a
 * `reason` and is added to `history`; `baselineDate` is read-only (400 naming it). `completedAt:
 * null` re-opens the milestone; a `completedAt` after today is refused as on creation.
 * `DELETE …/milestones/:id` (editor) → 204 removes one added by mistake, with its moves.
 */
export const updateMilestoneRequestSchema = z
  .strictObject({
    name: programName.optional(),
    baselineDate: z.unknown().optional(),
    currentDate: programDay.optional(),
    reason: programText(2000).trim().min(1, { error: 'must not be empty' }).optional(),
    completedAt: programDay.nullable().optional(),
    version: versionField,
  })
  .superRefine((body, context) => {
    if (body.baselineDate !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['baselineDate'],
        message:
          'is read-only: the baseline is set once, at creation; move currentDate with a reason',
      });
    }
    if (body.reason !== undefined && body.currentDate === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'explains a change of currentDate: send it with currentDate',
      });
    }
  });

/** `GET …/milestones` — by baseline date (the original plan's order), then id. */
export const milestoneListQuerySchema = pageQuerySchema;

/** One move of a milestone's current date. Never edited. */
export const milestoneDateChangeSchema = z.object({
  id: z.uuid(),
  fromDate: z.iso.date(),
  toDate: z.iso.date(),
  reason: z.string(),
  author: personSchema,
  changedAt: programInstant,
});

export const milestoneSchema = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  name: z.string(),
  /** The original plan; never changes. */
  baselineDate: z.iso.date(),
  currentDate: z.iso.date(),
  completedAt: z.iso.date().nullable(),
  /**
   * Days late against the baseline (negative: early), `milestoneSlipDays` of `@bearing/metrics`
   * as of today (UTC): from `baselineDate` to `completedAt` once completed (where `currentDate`
   * was left no longer counts); while open, to `currentDate`, or to today once `currentDate` has
   * passed — not finished today, it finishes today at the earliest, so one nobody moved past its
   * date is late, not on time (a completion recorded later, dated earlier, then counts).
   */
  slipDays: z.number().int(),
  /** Open and `currentDate` is before today (UTC): `slipDays` counts to today. */
  overdue: z.boolean(),
  /** Every move of the current date, oldest first. */
  history: z.array(milestoneDateChangeSchema),
  createdAt: programInstant,
  updatedAt: programInstant,
  version: z.number().int(),
});

export const milestonePageSchema = pageSchema(milestoneSchema);

export type CreateMilestoneRequest = z.output<typeof createMilestoneRequestSchema>;
export type UpdateMilestoneRequest = z.output<typeof updateMilestoneRequestSchema>;
export type MilestoneListQuery = z.output<typeof milestoneListQuerySchema>;
export type MilestoneDateChange = z.infer<typeof milestoneDateChangeSchema>;
export type Milestone = z.infer<typeof milestoneSchema>;
export type MilestonePage = z.infer<typeof milestonePageSchema>;
