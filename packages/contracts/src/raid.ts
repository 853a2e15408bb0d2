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
 * The RAID log of a program (`/api/workspaces/:workspace/programs/:program/raid`): risks,
 * assumptions, issues and dependencies, each scored probability × impact and handled per ROAM
 * (resolved, owned, accepted, mitigated) — or still `open`. Every change is kept.
 */

export const raidKindSchema = z.enum(['risk', 'assumption', 'issue', 'dependency']);

/** `open` until handled; then one of ROAM: resolved, owned, accepted, mitigated. */
export const raidStatusSchema = z.enum(['open', 'resolved', 'owned', 'accepted', 'mitigated']);

/** Probability and impact are rated 1 (lowest) to 5 (highest). */
export const raidRatingSchema = z
  .number({
    error: (issue) =>
      issue.input === undefined ? 'is required' : 'must be a whole number from 1 to 5',
  })
  .int({ error: 'must be a whole number from 1 to 5' })
  .min(1, { error: 'must be a whole number from 1 to 5' })
  .max(5, { error: 'must be a whole number from 1 to 5' });

/**
 * A score (probability × impact, 1–25) at or above this is "high" (the top band of a 5 × 5
 * matrix): open high-score risks are listed in status reports and their health reasons.
 */
export const RAID_HIGH_SCORE = 15;

/** `POST …/raid` (editor) → `raidItemSchema`, 201. `ownerId`, if given, must be a member. */
export const createRaidItemRequestSchema = z.strictObject({
  kind: raidKindSchema,
  title: programName,
  probability: raidRatingSchema,
  impact: raidRatingSchema,
  ownerId: z.uuid({ error: 'must be the id of a member' }).nullable().default(null),
  mitigation: programText(10_000).default(''),
  status: raidStatusSchema.default('open'),
  dueDate: programDay.nullable().default(null),
});

/** `PATCH …/raid/:id` (editor) → `raidItemDetailSchema`; every change is added to `history`. */
export const updateRaidItemRequestSchema = z.strictObject({
  kind: raidKindSchema.optional(),
  title: programName.optional(),
  probability: raidRatingSchema.optional(),
  impact: raidRatingSchema.optional(),
  ownerId: z.uuid({ error: 'must be the id of a member' }).nullable().optional(),
  mitigation: programText(10_000).optional(),
  status: raidStatusSchema.optional(),
  dueDate: programDay.nullable().optional(),
  version: versionField,
});

/** `GET …/raid?kind=&status=` — oldest first. */
export const raidListQuerySchema = pageQuerySchema.extend({
  kind: raidKindSchema.optional(),
  status: raidStatusSchema.optional(),
});

export const raidItemSchema = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  kind: raidKindSchema,
  title: z.string(),
  probability: z.number().int(),
  impact: z.number().int(),
  /** probability × impact, 1–25. */
  score: z.number().int(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  mitigation: z.string(),
  status: raidStatusSchema,
  dueDate: z.iso.date().nullable(),
  createdAt: programInstant,
  updatedAt: programInstant,
  version: z.number().int(),
});

/** The fields a RAID change can touch, each `{ from, to }` (`from` is null on creation). */
export const raidItemChangeSchema = z.object({
  id: z.uuid(),
  author: personSchema,
  changedAt: programInstant,
  /** `created` for the first entry, then `updated`. */
  action: z.enum(['created', 'updated']),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
});

/** `GET …/raid/:id` — the item and its whole history, oldest first. */
export const raidItemDetailSchema = raidItemSchema.extend({
  history: z.array(raidItemChangeSchema),
});

export const raidItemPageSchema = pageSchema(raidItemSchema);

export type RaidKind = z.infer<typeof raidKindSchema>;
export type RaidStatus = z.infer<typeof raidStatusSchema>;
export type CreateRaidItemRequest = z.output<typeof createRaidItemRequestSchema>;
export type UpdateRaidItemRequest = z.output<typeof updateRaidItemRequestSchema>;
export type RaidListQuery = z.output<typeof raidListQuerySchema>;
export type RaidItem = z.infer<typeof raidItemSchema>;
export type RaidItemChange = z.infer<typeof raidItemChangeSchema>;
export type RaidItemDetail = z.infer<typeof raidItemDetailSchema>;
export type RaidItemPage = z.infer<typeof raidItemPageSchema>;
