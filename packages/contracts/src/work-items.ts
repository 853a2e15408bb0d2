import { z } from 'zod';
import { pageQuerySchema, pageSchema } from './pagination.js';
import { untrimmedText } from './text.js';

/**
 * A tracker item as the team's history knows it. No assignee or reporter: Bearing does not
 * store who worked on what. `hasHistory` says whether its status, sprint and estimate changes
 * are known (Jira JSON with changelog) or only its current state (Jira CSV).
 */
export const workItemSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  source: z.string(),
  type: z.string(),
  title: z.string(),
  /** Latest estimate in story points; null when unestimated. */
  points: z.number().nullable(),
  createdAt: z.iso.datetime(),
  status: z.string(),
  resolvedAt: z.iso.datetime().nullable(),
  /** Parent or epic key, e.g. `PAY-12`. */
  parentKey: z.string().nullable(),
  hasHistory: z.boolean(),
  /** Every sprint the item was ever in, oldest first. */
  sprintIds: z.array(z.uuid()),
});

/** `GET /api/workspaces/:workspace/teams/:team/work-items` — newest first. */
export const workItemPageSchema = pageSchema(workItemSchema);

/** Filters of the work-item list; `sprint` matches items that were ever in that sprint. */
export const workItemQuerySchema = pageQuerySchema.extend({
  type: untrimmedText().min(1).max(100).optional(),
  status: untrimmedText().min(1).max(255).optional(),
  sprint: z.uuid().optional(),
});

/** A move into `to` (the metrics spec's `StatusChange`, with where it came from). */
export const statusChangeSchema = z.object({
  at: z.iso.datetime(),
  from: z.string().nullable(),
  to: z.string(),
});

/** Sprint membership over time — the source of the sprint's `added` / `removed` events. */
export const sprintChangeSchema = z.object({
  at: z.iso.datetime(),
  sprintId: z.uuid(),
  change: z.enum(['added', 'removed']),
});

/** A re-estimate; `points` null when the estimate was cleared. */
export const estimateChangeSchema = z.object({
  at: z.iso.datetime(),
  points: z.number().nullable(),
});

/**
 * `GET /api/workspaces/:workspace/teams/:team/work-items/:workItem` — the item with its full
 * history, oldest change first. `initialStatus` / `initialPoints` are its state when created.
 */
export const workItemDetailSchema = workItemSchema.extend({
  initialStatus: z.string().nullable(),
  initialPoints: z.number().nullable(),
  statusChanges: z.array(statusChangeSchema),
  sprintChanges: z.array(sprintChangeSchema),
  estimateChanges: z.array(estimateChangeSchema),
});

export type WorkItem = z.infer<typeof workItemSchema>;
export type WorkItemPage = z.infer<typeof workItemPageSchema>;
export type WorkItemQuery = z.output<typeof workItemQuerySchema>;
export type StatusChangeRecord = z.infer<typeof statusChangeSchema>;
export type SprintChangeRecord = z.infer<typeof sprintChangeSchema>;
export type EstimateChangeRecord = z.infer<typeof estimateChangeSchema>;
export type WorkItemDetail = z.infer<typeof workItemDetailSchema>;
