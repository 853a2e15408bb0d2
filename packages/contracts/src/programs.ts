import { z } from 'zod';
import { pageQuerySchema, pageSchema } from './pagination.js';
import type { ProblemFieldError } from './problem.js';
import { healthReasonField, programHealthSchema } from './program-health.js';
import {
  linkedIds,
  programDay,
  programInstant,
  programName,
  programText,
  versionField,
} from './program-fields.js';
import { healthReasonSchema } from './status-reports.js';

/**
 * Programs: what a TPM runs — owner, dates, teams, the objectives and guardrails it answers
 * for, and its health with a reason. Routes under `/api/workspaces/:workspace/programs`.
 */

export { healthReasonField, programHealthSchema };

/**
 * What a program's data suggests while no status report of it is published: the health and the
 * reasons a report draft of this week would give (`suggestedHealth` of `@bearing/metrics`),
 * at-risk reasons first. Clients show it labelled as a suggestion; it is nobody's judgement yet.
 */
export const healthSuggestionSchema = z.object({
  health: programHealthSchema,
  reasons: z.array(healthReasonSchema),
  /** The day the data was read. */
  asOf: z.iso.date(),
});

/**
 * `POST /api/workspaces/:workspace/programs` (editor) → `programSchema`, 201. `ownerId` must be an
 * active editor or admin of the workspace, as the owner writes its reports; `teamIds`,
 * `objectiveIds` and `guardrailIds` records of it (400 naming e.g. `teamIds.1` otherwise). A
 * health other than on-track needs a `healthReason`.
 */
export const createProgramRequestSchema = z.strictObject({
  name: programName,
  description: programText(10_000).default(''),
  ownerId: z.uuid({ error: 'must be the id of a member' }),
  start: programDay,
  end: programDay.nullable().default(null),
  teamIds: linkedIds.default([]),
  objectiveIds: linkedIds.default([]),
  guardrailIds: linkedIds.default([]),
  health: programHealthSchema.default('on-track'),
  healthReason: healthReasonField.nullable().default(null),
});

/**
 * `PATCH /api/workspaces/:workspace/programs/:id` (editor) → `programSchema`. Fields left out stay
 * as they are; a list given replaces the list. Changing `health` without a `healthReason` clears
 * the old reason (it explained the old health). Publishing a status report sets the program's
 * health and reason to the report's.
 */
export const updateProgramRequestSchema = z.strictObject({
  name: programName.optional(),
  description: programText(10_000).optional(),
  ownerId: z.uuid({ error: 'must be the id of a member' }).optional(),
  start: programDay.optional(),
  end: programDay.nullable().optional(),
  teamIds: linkedIds.optional(),
  objectiveIds: linkedIds.optional(),
  guardrailIds: linkedIds.optional(),
  health: programHealthSchema.optional(),
  healthReason: healthReasonField.nullable().optional(),
  version: versionField,
});

/** `GET /api/workspaces/:workspace/programs` — oldest first. */
export const programListQuerySchema = pageQuerySchema;

export const programSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  ownerId: z.uuid(),
  ownerName: z.string(),
  start: z.iso.date(),
  end: z.iso.date().nullable(),
  teamIds: z.array(z.uuid()),
  objectiveIds: z.array(z.uuid()),
  guardrailIds: z.array(z.uuid()),
  /**
   * The health stored on the program: the latest published report's, or what an editor set. Before
   * the first report it is only the default (on-track) unless an editor gave it with a reason —
   * show `healthSuggestion` then.
   */
  health: programHealthSchema,
  healthReason: z.string().nullable(),
  /**
   * `health` is the on-track of the latest published report while that report's own snapshot
   * held an off-track key result or a breached guardrail ("green outside, red inside").
   */
  watermelon: z.boolean().default(false),
  /** While no status report of the program is published; `null` from the first one on. */
  healthSuggestion: healthSuggestionSchema.nullable().default(null),
  createdAt: programInstant,
  updatedAt: programInstant,
  version: z.number().int(),
});

export const programPageSchema = pageSchema(programSchema);

type ProgramShape = {
  start: string;
  end: string | null;
  health: ProgramHealth;
  healthReason: string | null;
};

/**
 * Rules across fields, checked on the merged record (so a PATCH of one field is judged with the
 * others): the end is not before the start; a health other than on-track carries a reason.
 */
export function programRuleViolations(program: ProgramShape): ProblemFieldError[] {
  const violations: ProblemFieldError[] = [];
  if (program.end !== null && program.end < program.start) {
    violations.push({ path: 'end', message: 'must not be before start' });
  }
  if (program.health !== 'on-track' && !program.healthReason) {
    violations.push({
      path: 'healthReason',
      message: `is required when health is ${program.health}: say why`,
    });
  }
  return violations;
}

export type ProgramHealth = z.infer<typeof programHealthSchema>;
export type HealthSuggestion = z.infer<typeof healthSuggestionSchema>;
export type CreateProgramRequest = z.output<typeof createProgramRequestSchema>;
export type UpdateProgramRequest = z.output<typeof updateProgramRequestSchema>;
export type ProgramListQuery = z.output<typeof programListQuerySchema>;
export type Program = z.infer<typeof programSchema>;
export type ProgramPage = z.infer<typeof programPageSchema>;
