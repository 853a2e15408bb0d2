import { type EntityManager, In } from 'typeorm';
import { ProgramGuardrail, ProgramObjective, ProgramTeam } from './program-links.entity.js';

export type ProgramLinks = { teamIds: string[]; objectiveIds: string[]; guardrailIds: string[] };

const noLinks = (): ProgramLinks => ({ teamIds: [], objectiveIds: [], guardrailIds: [] });

/** The links of each program of the workspace, ids sorted (a link list is a set). */
export async function loadProgramLinks(
  manager: EntityManager,
  workspaceId: string,
  programIds: readonly string[],
): Promise<Map<string, ProgramLinks>> {
  const links = new Map(programIds.map((id) => [id, noLinks()]));
  if (programIds.length === 0) return links;
  const where = { programId: In([...programIds]), program: { workspaceId } };
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

type LinkedKind = keyof typeof LINK_TABLES;

/**
 * The programs of this workspace that link a record: "the program link of objectives and
 * guardrails". For the objective, guardrail and team features to show their programs.
 */
export async function programIdsLinkedTo(
  manager: EntityManager,
  workspaceId: string,
  kind: LinkedKind,
  recordId: string,
): Promise<string[]> {
  return (await programIdsLinkedToEach(manager, workspaceId, kind, [recordId])).get(recordId) ?? [];
}

/** `programIdsLinkedTo` for many records in one query: every record id maps to a list. */
export async function programIdsLinkedToEach(
  manager: EntityManager,
  workspaceId: string,
  kind: LinkedKind,
  recordIds: readonly string[],
): Promise<Map<string, string[]>> {
  const linked = new Map(recordIds.map((id): [string, string[]] => [id, []]));
  if (recordIds.length === 0) return linked;
  const { table, column } = LINK_TABLES[kind];
  const rows: { record_id: string; program_id: string }[] = await manager.query(
    `SELECT link."${column}"::text AS "record_id", program."id"::text AS "program_id"
       FROM "${table}" link
       JOIN "program" program ON program."id" = link."program_id"
      WHERE program."workspace_id" = $1 AND link."${column}" = ANY($2::uuid[])
      ORDER BY program."created_at", program."id"`,
    [workspaceId, recordIds],
  );
  for (const row of rows) linked.get(row.record_id)?.push(row.program_id);
  return linked;
}

/** `programIdsLinkedToEach` for loaded records, each filtered by its own workspace. */
export async function programIdsOfRecords(
  manager: EntityManager,
  kind: LinkedKind,
  records: readonly { id: string; workspaceId: string }[],
): Promise<Map<string, string[]>> {
  const linked = new Map<string, string[]>();
  // A list holds one workspace's records: in practice a single query.
  for (const workspaceId of new Set(records.map((record) => record.workspaceId))) {
    const ids = records.filter((record) => record.workspaceId === workspaceId).map(({ id }) => id);
    for (const [id, programIds] of await programIdsLinkedToEach(manager, workspaceId, kind, ids)) {
      linked.set(id, programIds);
    }
  }
  return linked;
}

/**
 * SQL condition "the record `alias` is linked to the program `:program`", for list filters
 * (`?program=`); the caller binds `program` and filters `alias` by workspace itself.
 */
export function linkedToProgramCondition(kind: LinkedKind, alias: string): string {
  const { table, column } = LINK_TABLES[kind];
  return `EXISTS (SELECT 1 FROM "${table}" link WHERE link."${column}" = "${alias}"."id" AND link."program_id" = :program)`;
}
