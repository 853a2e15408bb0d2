import { z } from 'zod';
import { isoDaySchema } from './days.js';
import { pageSchema } from './pagination.js';
import { workspaceSlugSchema } from './workspaces.js';
import { text } from './text.js';

/** An IANA time-zone name this runtime knows, e.g. `Europe/Berlin`. */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isKnownTimeZone, 'must be an IANA time zone such as Europe/Berlin');

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A tracker status as Jira names it, e.g. `In Progress`. */
export const statusNameSchema = text().min(1).max(255);
export const stageNameSchema = text().min(1).max(100);

/**
 * Weekdays 0 = Sunday … 6 = Saturday; `holidays` are whole days off for the whole team, dates from
 * 0001-01-01 to 9999-12-31 (`isoDaySchema`).
 */
export const calendarSchema = z.strictObject({
  nonWorkingWeekdays: z
    .array(z.number().int().min(0).max(6))
    .max(7)
    .refine((days) => new Set(days).size === days.length, 'must not repeat a weekday'),
  holidays: z
    .array(isoDaySchema)
    .max(1000)
    .refine((days) => new Set(days).size === days.length, 'must not repeat a day'),
});

/**
 * Ordered stages (the first is the backlog), each a set of tracker statuses; cycle time runs
 * from `committedStage` to `doneStage` (`@bearing/metrics`' `Workflow`). A status belongs to at
 * most one stage; statuses no stage maps are ignored by the flow metrics.
 */
export const workflowSchema = z
  .strictObject({
    stages: z
      .array(
        z.strictObject({
          name: stageNameSchema,
          statuses: z.array(statusNameSchema).max(200),
        }),
      )
      .min(2)
      .max(20),
    committedStage: stageNameSchema,
    doneStage: stageNameSchema,
  })
  .superRefine((workflow, context) => {
    const names = workflow.stages.map((stage) => stage.name);
    names.forEach((name, index) => {
      if (names.indexOf(name) !== index) {
        context.addIssue({
          code: 'custom',
          path: ['stages', index, 'name'],
          message: `repeats the stage ${name}`,
        });
      }
    });
    const stageOfStatus = new Map<string, string>();
    workflow.stages.forEach((stage, stageIndex) =>
      stage.statuses.forEach((status, statusIndex) => {
        const other = stageOfStatus.get(status);
        if (other !== undefined) {
          context.addIssue({
            code: 'custom',
            path: ['stages', stageIndex, 'statuses', statusIndex],
            message: `${status} is mapped to ${other} already`,
          });
        }
        stageOfStatus.set(status, stage.name);
      }),
    );
    const committed = names.indexOf(workflow.committedStage);
    const done = names.indexOf(workflow.doneStage);
    if (committed < 0) {
      context.addIssue({ code: 'custom', path: ['committedStage'], message: 'is not a stage' });
    }
    if (done < 0) {
      context.addIssue({ code: 'custom', path: ['doneStage'], message: 'is not a stage' });
    }
    if (committed >= 0 && done >= 0 && committed > done) {
      context.addIssue({
        code: 'custom',
        path: ['committedStage'],
        message: 'must not come after the done stage',
      });
    }
  });

/** Saturday and Sunday off, no holidays (`@bearing/metrics`' default calendar). */
export const DEFAULT_TEAM_CALENDAR = { nonWorkingWeekdays: [0, 6], holidays: [] as string[] };

/** Jira's usual statuses; a team maps its own in the import wizard or in its settings. */
export const DEFAULT_TEAM_WORKFLOW = {
  stages: [
    { name: 'Backlog', statuses: ['Backlog', 'To Do', 'Open', 'Selected for Development'] },
    { name: 'In Progress', statuses: ['In Progress'] },
    { name: 'Review', statuses: ['In Review', 'Code Review'] },
    { name: 'Done', statuses: ['Done', 'Closed', 'Resolved'] },
  ],
  committedStage: 'In Progress',
  doneStage: 'Done',
};

export const teamNameSchema = text().min(1).max(200);

/**
 * The `:team` path parameter of every team route: the team's id or its slug (unique within
 * the workspace).
 */
export const teamRefSchema = z.union([z.uuid(), workspaceSlugSchema]);

export const teamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  timeZone: z.string(),
  calendar: z.object({
    nonWorkingWeekdays: z.array(z.number().int()),
    holidays: z.array(z.string()),
  }),
  workflow: z.object({
    stages: z.array(z.object({ name: z.string(), statuses: z.array(z.string()) })),
    committedStage: z.string(),
    doneStage: z.string(),
  }),
  /** Send it back when changing the team; a stale version is refused with 409. */
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** `GET /api/workspaces/:workspace/teams` — by slug. */
export const teamPageSchema = pageSchema(teamSchema);

/** `POST /api/workspaces/:workspace/teams` (editor) → `teamSchema`; a taken slug is a 409. */
export const createTeamRequestSchema = z.strictObject({
  name: teamNameSchema,
  slug: workspaceSlugSchema,
  /** Where the team's days begin and end; default `UTC`. */
  timeZone: timeZoneSchema.default('UTC'),
  calendar: calendarSchema.default(DEFAULT_TEAM_CALENDAR),
  workflow: workflowSchema.default(DEFAULT_TEAM_WORKFLOW),
});

/** `PATCH /api/workspaces/:workspace/teams/:team` (editor) → `teamSchema`. */
export const updateTeamRequestSchema = z.strictObject({
  name: teamNameSchema.optional(),
  slug: workspaceSlugSchema.optional(),
  timeZone: timeZoneSchema.optional(),
  calendar: calendarSchema.optional(),
  workflow: workflowSchema.optional(),
  version: z.number().int().min(1),
});

/**
 * A person as team capacity: a name and the share of their time the team can count on
 * (0–1). Bearing keeps no delivery figures per person.
 */
export const teamMemberSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  allocation: z.number(),
  version: z.number().int(),
});

/** `GET /api/workspaces/:workspace/teams/:team/members` — by display name. */
export const teamMemberPageSchema = pageSchema(teamMemberSchema);

export const allocationSchema = z.number().min(0).max(1);

/** `POST /api/workspaces/:workspace/teams/:team/members` (editor) → `teamMemberSchema`. */
export const createTeamMemberRequestSchema = z.strictObject({
  displayName: text().min(1).max(200),
  /** Default share of time for this team, 0–1; default 1 (full time). */
  allocation: allocationSchema.default(1),
});

/** `PATCH /api/workspaces/:workspace/teams/:team/members/:member` (editor). */
export const updateTeamMemberRequestSchema = z.strictObject({
  displayName: text().min(1).max(200).optional(),
  allocation: allocationSchema.optional(),
  version: z.number().int().min(1),
});

export type TeamCalendar = z.infer<typeof calendarSchema>;
export type TeamWorkflow = z.infer<typeof workflowSchema>;
export type Team = z.infer<typeof teamSchema>;
export type TeamPage = z.infer<typeof teamPageSchema>;
export type CreateTeamRequest = z.output<typeof createTeamRequestSchema>;
export type UpdateTeamRequest = z.output<typeof updateTeamRequestSchema>;
export type TeamMember = z.infer<typeof teamMemberSchema>;
export type TeamMemberPage = z.infer<typeof teamMemberPageSchema>;
export type CreateTeamMemberRequest = z.output<typeof createTeamMemberRequestSchema>;
export type UpdateTeamMemberRequest = z.output<typeof updateTeamMemberRequestSchema>;
