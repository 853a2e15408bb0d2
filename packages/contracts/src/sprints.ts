import { z } from 'zod';
import { pageSchema } from './pagination.js';
import { isoDaySchema, isoInstantSchema } from './days.js';
import { allocationSchema } from './teams.js';
import { text, untrimmedText } from './text.js';

export const sprintStateSchema = z.enum(['future', 'active', 'closed']);

/** Where a sprint came from: entered by hand, or read from a Jira import. */
export const sprintSourceSchema = z.enum(['manual', 'jira']);

/**
 * A team's sprint. `start`/`end` are the planned time box (null until planned: Jira's future
 * sprints have none); `completedAt` is when it was actually closed.
 */
export const sprintSchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  name: z.string(),
  start: z.iso.datetime().nullable(),
  end: z.iso.datetime().nullable(),
  goal: z.string(),
  state: sprintStateSchema,
  completedAt: z.iso.datetime().nullable(),
  source: sprintSourceSchema,
  /** Jira's sprint id for imported sprints. */
  externalId: z.string().nullable(),
  version: z.number().int(),
});

/** `GET /api/workspaces/:workspace/teams/:team/sprints` — latest start first, unplanned first. */
export const sprintPageSchema = pageSchema(sprintSchema);

const sprintFields = {
  name: text().min(1).max(255),
  start: isoInstantSchema.nullable(),
  end: isoInstantSchema.nullable(),
  goal: untrimmedText().max(2000),
  state: sprintStateSchema,
  completedAt: isoInstantSchema.nullable(),
};

function endNotBeforeStart(
  sprint: { start?: string | null; end?: string | null; completedAt?: string | null },
  context: z.RefinementCtx,
): void {
  const start = sprint.start ? Date.parse(sprint.start) : undefined;
  if (start === undefined) return;
  if (sprint.end && Date.parse(sprint.end) < start) {
    context.addIssue({ code: 'custom', path: ['end'], message: 'must not be before start' });
  }
  if (sprint.completedAt && Date.parse(sprint.completedAt) < start) {
    context.addIssue({
      code: 'custom',
      path: ['completedAt'],
      message: 'must not be before start',
    });
  }
}

/** `POST /api/workspaces/:workspace/teams/:team/sprints` (editor) → `sprintSchema`. */
export const createSprintRequestSchema = z
  .strictObject({
    name: sprintFields.name,
    start: sprintFields.start.default(null),
    end: sprintFields.end.default(null),
    goal: sprintFields.goal.default(''),
    state: sprintFields.state.default('future'),
    completedAt: sprintFields.completedAt.default(null),
  })
  .superRefine(endNotBeforeStart);

/**
 * `PATCH /api/workspaces/:workspace/teams/:team/sprints/:sprint` (editor) → `sprintSchema`.
 * Only the fields sent change; `start`/`end` are checked against the stored values too.
 */
export const updateSprintRequestSchema = z
  .strictObject({
    name: sprintFields.name.optional(),
    start: sprintFields.start.optional(),
    end: sprintFields.end.optional(),
    goal: sprintFields.goal.optional(),
    state: sprintFields.state.optional(),
    completedAt: sprintFields.completedAt.optional(),
    version: z.number().int().min(1),
  })
  .superRefine(endNotBeforeStart);

/**
 * One member's availability in one sprint: `allocation` is this sprint's share of their time
 * (falls back to `defaultAllocation` when null), `daysOff` their own days off (team holidays
 * live in the team calendar).
 */
export const memberAvailabilitySchema = z.object({
  memberId: z.uuid(),
  displayName: z.string(),
  defaultAllocation: z.number(),
  allocation: z.number().nullable(),
  daysOff: z.array(z.string()),
});

/**
 * `GET /api/workspaces/:workspace/teams/:team/sprints/:sprint/availability` — the sprint's
 * roster: every member of the team while the sprint is not closed; once it is, the members it
 * closed with (also those who left since), each with the default allocation they had then.
 * `version` changes with every save, and when the sprint closes or reopens.
 */
export const sprintAvailabilitySchema = z.object({
  sprintId: z.uuid(),
  version: z.number().int(),
  members: z.array(memberAvailabilitySchema),
});

/**
 * `PUT /api/workspaces/:workspace/teams/:team/sprints/:sprint/availability` (editor) →
 * `sprintAvailabilitySchema`. Replaces the sprint's availability: a member not listed is back
 * to their default allocation with no days off. `version` is the one read: a stale one is a 409
 * `stale-version` naming `version`, and nothing changes.
 */
export const putSprintAvailabilityRequestSchema = z.strictObject({
  version: z.number().int().min(1),
  members: z
    .array(
      z.strictObject({
        memberId: z.uuid(),
        allocation: allocationSchema.nullable().default(null),
        daysOff: z
          .array(isoDaySchema)
          .max(366)
          .refine((days) => new Set(days).size === days.length, 'must not repeat a day')
          .default([]),
      }),
    )
    .max(500)
    .refine(
      (members) => new Set(members.map((member) => member.memberId)).size === members.length,
      'must not list a member twice',
    ),
});

export type SprintState = z.infer<typeof sprintStateSchema>;
export type SprintSource = z.infer<typeof sprintSourceSchema>;
export type Sprint = z.infer<typeof sprintSchema>;
export type SprintPage = z.infer<typeof sprintPageSchema>;
export type CreateSprintRequest = z.output<typeof createSprintRequestSchema>;
export type UpdateSprintRequest = z.output<typeof updateSprintRequestSchema>;
export type MemberAvailability = z.infer<typeof memberAvailabilitySchema>;
export type SprintAvailability = z.infer<typeof sprintAvailabilitySchema>;
export type PutSprintAvailabilityRequest = z.output<typeof putSprintAvailabilityRequestSchema>;
