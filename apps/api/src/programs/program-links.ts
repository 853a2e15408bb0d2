import { type EntityManager, In } from 'typeorm';
import { ProgramGuardrail, ProgramObjective, ProgramTeam } from './program-links.entity.js';

export type ProgramLinks = { teamIds: string[]; objectiveIds: string[]; guardrailIds: string[] };

const noLinks = (): ProgramLinks => ({ teamIds: [], objectiveIds: [], guardrailIds: [] });

/** The links of each program, ids sorted (a link list is a set). */
export async function loadProgramLinks(
  manager: EntityManager,
  programIds: readonly string[],
): Promise<Map<string, ProgramLinks>> {
  const links = new Map(programIds.map((id) => [id, noLinks()]));
  if (programIds.length === 0) return links;
  const where = { programId: In([...programIds]) };
  // One after the other: inside a transaction they share one connection.
  const teams = await manager.getRepository(ProgramTeam).find({ where, order: { teamId: 'ASC' } });
  const objectives = await manager
    .getRepository(ProgramObjective)
    .find({ where, order: { objectiveId: 'ASC' } });
  const guardrails = await manager
    .getRepository(ProgramGuardrail)
    .find({ where, order: { guardrailId: 'ASC' } });
  for (const { programId, teamId } of teams) links.get(programId)?.teamIds.push(teamId);
  for (const { programId, objectiveId } of objectives) {
    links.get(programId)?.objectiveIds.push(objectiveId);
  }
  for (const { programId, guardrailId } of guardrails) {
    links.get(programId)?.guardrailIds.push(guardrailId);
  }
  return links;
}

/** Replaces each list that is given; lists left out stay as they are. */
export async function replaceProgramLinks(
  manager: EntityManager,
  programId: string,
  { teamIds, objectiveIds, guardrailIds }: Partial<ProgramLinks>,
): Promise<void> {
  if (teamIds) {
    await manager.getRepository(ProgramTeam).delete({ programId });
    if (teamIds.length > 0) {
      await manager
        .getRepository(ProgramTeam)
        .insert(teamIds.map((teamId) => ({ programId, teamId })));
    }
  }
  if (objectiveIds) {
    await manager.getRepository(ProgramObjective).delete({ programId });
    if (objectiveIds.length > 0) {
      await manager
        .getRepository(ProgramObjective)
        .insert(objectiveIds.map((objectiveId) => ({ programId, objectiveId })));
    }
  }
  if (guardrailIds) {
    await manager.getRepository(ProgramGuardrail).delete({ programId });
    if (guardrailIds.length > 0) {
      await manager
        .getRepository(ProgramGuardrail)
        .insert(guardrailIds.map((guardrailId) => ({ programId, guardrailId })));
    }
  }
}

const LINK_TABLES = {
  team: { table: 'program_team', column: 'team_id' },
  objective: { table: 'program_objective', column: 'objective_id' },
  guardrail: { table: 'program_guardrail', column: 'guardrail_id' },
} as const;

/**
 * The programs of this workspace that link a record: "the program link of objectives and
 * guardrails". For the objective, guardrail and team features to show their programs.
 */
export async function programIdsLinkedTo(
  manager: EntityManager,
  workspaceId: string,
  kind: keyof typeof LINK_TABLES,
  recordId: string,
): Promise<string[]> {
  const { table, column } = LINK_TABLES[kind];
  const rows: { id: string }[] = await manager.query(
    `SELECT program."id"::text AS "id" FROM "${table}" link
       JOIN "program" program ON program."id" = link."program_id"
      WHERE program."workspace_id" = $1 AND link."${column}" = $2
      ORDER BY program."created_at", program."id"`,
    [workspaceId, recordId],
  );
  return rows.map(({ id }) => id);
}
