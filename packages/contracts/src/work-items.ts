import { z } from 'zod';
import { pageQuerySchema, pageSchema } from './pagination.js';
import { text, untrimmedText } from './text.js';

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
  /**
   * The page in Jira (`<site>/browse/<key>`) when the team's Jira site is known — from
   * the `self` links of a Jira JSON import; null otherwise (a CSV export names no site).
   */
  url: z.url().nullable(),
});

/** `GET /api/workspaces/:workspace/teams/:team/work-items` — newest first unless sorted. */
export const workItemPageSchema = pageSchema(workItemSchema);

/**
 * Orders of the work-item list: `created` and `finished` (resolved) instants, the key in
 * natural order (`PAY-9` before `PAY-10`), the status name and the estimate. Items without a
 * finish date or estimate come last in either direction.
 */
export const workItemSortSchema = z.enum(['created', 'finished', 'key', 'status', 'estimate']);

/**
 * Filters and order of the work-item list: `sprint` matches items that were ever in that
 * sprint; `q` finds items whose key or summary contains it, ignoring case. Without `sort` the
 * list is newest first (`created`, `desc`); with `sort` alone it is ascending.
 */
export const workItemQuerySchema = pageQuerySchema.extend({
  type: untrimmedText().min(1).max(100).optional(),
  status: untrimmedText().min(1).max(255).optional(),
  sprint: z.uuid().optional(),
  q: text().min(1, { error: 'must not be empty' }).max(200).optional(),
  sort: workItemSortSchema.optional(),
  order: z.enum(['asc', 'desc']).optional(),
});

/** `GET /api/workspaces/:workspace/teams/:team/work-items/types` — the team's item types, A–Z. */
export const workItemTypesSchema = z.object({ types: z.array(z.string()) });

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
export type WorkItemSort = z.infer<typeof workItemSortSchema>;
export type WorkItemTypes = z.infer<typeof workItemTypesSchema>;
export type StatusChangeRecord = z.infer<typeof statusChangeSchema>;
export type SprintChangeRecord = z.infer<typeof sprintChangeSchema>;
export type EstimateChangeRecord = z.infer<typeof estimateChangeSchema>;
export type WorkItemDetail = z.infer<typeof workItemDetailSchema>;
