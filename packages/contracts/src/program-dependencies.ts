import { z } from 'zod';
import { pageQuerySchema, pageSchema } from './pagination.js';
import { programDay, programInstant, programText, versionField } from './program-fields.js';

/**
 * Cross-team and cross-program dependencies of a program
 * (`/api/workspaces/:workspace/programs/:program/dependencies`): who needs what from whom, by
 * when. One is overdue when its need-by date has passed and it is neither delivered nor
 * cancelled.
 */

export const programDependencyStatusSchema = z.enum([
  'open',
  'committed',
  'blocked',
  'delivered',
  'cancelled',
]);

/** A team or a program of the workspace. */
export const dependencyPartySchema = z.strictObject({
  kind: z.enum(['team', 'program']),
  id: z.uuid({ error: 'must be the id of a team or program' }),
});

/**
 * `POST …/dependencies` (editor) → `programDependencySchema`, 201. `from` needs something from
 * `to`; both must be records of the workspace and not the same.
 */
export const createProgramDependencyRequestSchema = z.strictObject({
  from: dependencyPartySchema,
  to: dependencyPartySchema,
  description: programText(2000).trim().min(1, { error: 'must not be empty' }),
  needBy: programDay,
  status: programDependencyStatusSchema.default('open'),
});

/** `PATCH …/dependencies/:id` (editor) → `programDependencySchema`. */
export const updateProgramDependencyRequestSchema = z.strictObject({
  from: dependencyPartySchema.optional(),
  to: dependencyPartySchema.optional(),
  description: programText(2000).trim().min(1, { error: 'must not be empty' }).optional(),
  needBy: programDay.optional(),
  status: programDependencyStatusSchema.optional(),
  version: versionField,
});

/** `GET …/dependencies` — by need-by date, then id. */
export const programDependencyListQuerySchema = pageQuerySchema;

export const dependencyPartyRefSchema = z.object({
  kind: z.enum(['team', 'program']),
  id: z.uuid(),
  /** The team's or program's name; `null` when it cannot be resolved. */
  name: z.string().nullable(),
});

export const programDependencySchema = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  from: dependencyPartyRefSchema,
  to: dependencyPartyRefSchema,
  description: z.string(),
  needBy: z.iso.date(),
  status: programDependencyStatusSchema,
  /** `needBy` is before today and the dependency is neither delivered nor cancelled. */
  overdue: z.boolean(),
  createdAt: programInstant,
  updatedAt: programInstant,
  version: z.number().int(),
});

export const programDependencyPageSchema = pageSchema(programDependencySchema);

export type ProgramDependencyStatus = z.infer<typeof programDependencyStatusSchema>;
export type DependencyParty = z.infer<typeof dependencyPartySchema>;
export type DependencyPartyRef = z.infer<typeof dependencyPartyRefSchema>;
export type CreateProgramDependencyRequest = z.output<typeof createProgramDependencyRequestSchema>;
export type UpdateProgramDependencyRequest = z.output<typeof updateProgramDependencyRequestSchema>;
export type ProgramDependencyListQuery = z.output<typeof programDependencyListQuerySchema>;
export type ProgramDependency = z.infer<typeof programDependencySchema>;
export type ProgramDependencyPage = z.infer<typeof programDependencyPageSchema>;
