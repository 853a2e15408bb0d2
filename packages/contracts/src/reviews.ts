import { z } from 'zod';
import { pageQuerySchema, pageSchema } from './pagination.js';
import { healthSuggestionSchema, programHealthSchema } from './programs.js';
import { reportWeekSchema } from './status-reports.js';

/**
 * The weekly review (`/api/workspaces/:workspace/reviews`): which programs have their report
 * for a week, and the workspace's review weekday.
 */

/** 0 = Sunday … 6 = Saturday (the `@bearing/metrics` calendar convention). */
export const reviewWeekdaySchema = z
  .number({ error: 'must be a whole number from 0 (Sunday) to 6 (Saturday)' })
  .int({ error: 'must be a whole number from 0 (Sunday) to 6 (Saturday)' })
  .min(0, { error: 'must be a whole number from 0 (Sunday) to 6 (Saturday)' })
  .max(6, { error: 'must be a whole number from 0 (Sunday) to 6 (Saturday)' });

/** Monday until an admin picks another day. */
export const DEFAULT_REVIEW_WEEKDAY = 1;

/** `GET …/reviews/settings`; `version` is 0 while the default was never changed. */
export const reviewSettingsSchema = z.object({
  reviewWeekday: reviewWeekdaySchema,
  version: z.number().int(),
});

/** `PUT …/reviews/settings` (admin) → `reviewSettingsSchema`; a stale `version` is a 409. */
export const updateReviewSettingsRequestSchema = z.strictObject({
  reviewWeekday: reviewWeekdaySchema,
  version: z.number({ error: 'must be a number' }).int().min(0),
});

/** `GET …/reviews?week=` — the week (its Monday) defaults to the current one. */
export const reviewListQuerySchema = pageQuerySchema.extend({ week: reportWeekSchema.optional() });

export const reviewReportStateSchema = z.enum(['missing', 'draft', 'published']);

export const programReviewSchema = z.object({
  program: z.object({
    id: z.uuid(),
    name: z.string(),
    ownerId: z.uuid(),
    /** As the program's: see `programSchema` for `health`, `watermelon` and `healthSuggestion`. */
    health: programHealthSchema,
    healthReason: z.string().nullable(),
    watermelon: z.boolean().default(false),
    healthSuggestion: healthSuggestionSchema.nullable().default(null),
  }),
  state: reviewReportStateSchema,
  /** The week's report, if there is one. */
  report: z
    .object({
      id: z.uuid(),
      health: programHealthSchema,
      watermelon: z.boolean(),
      publishedAt: z.iso.datetime({ offset: true }).nullable(),
    })
    .nullable(),
});

/**
 * Every program running during the week (started by its Sunday, not ended before its Monday),
 * oldest first, with the state of its report for that week.
 */
export const reviewOverviewSchema = pageSchema(programReviewSchema).extend({
  week: z.iso.date(),
  weekEnd: z.iso.date(),
  reviewWeekday: reviewWeekdaySchema,
  /** The day of the week's review meeting. */
  reviewDay: z.iso.date(),
});

export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;
export type UpdateReviewSettingsRequest = z.output<typeof updateReviewSettingsRequestSchema>;
export type ReviewListQuery = z.output<typeof reviewListQuerySchema>;
export type ReviewReportState = z.infer<typeof reviewReportStateSchema>;
export type ProgramReview = z.infer<typeof programReviewSchema>;
export type ReviewOverview = z.infer<typeof reviewOverviewSchema>;
