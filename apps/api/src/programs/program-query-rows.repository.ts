import type { ProgramDependencyStatus } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Every milestone, RAID item and dependency of a workspace with its program's name, for the
 * query language's tables (the program pages' figures are computed from these by the service).
 * Dates travel as `YYYY-MM-DD` text, as the entities hold them.
 */

export type MilestoneQueryRecord = {
  workspaceId: string;
  programId: string;
  program: string;
  name: string;
  baselineDate: string;
  currentDate: string;
  completedAt: string | null;
};

export type RaidQueryRecord = {
  workspaceId: string;
  programId: string;
  program: string;
  kind: string;
  title: string;
  probability: number;
  impact: number;
  status: string;
};

export type DependencyQueryRecord = {
  workspaceId: string;
  programId: string;
  program: string;
  description: string;
  fromKind: 'team' | 'program';
  fromId: string;
  toKind: 'team' | 'program';
  toId: string;
  needBy: string;
  status: ProgramDependencyStatus;
};

const PROGRAM = `"p"."workspace_id" AS "workspaceId", "p"."id" AS "programId", "p"."name" AS "program"`;

export function workspaceMilestones(
  manager: EntityManager,
  workspaceId: string,
): Promise<MilestoneQueryRecord[]> {
  return manager.query(
    `SELECT ${PROGRAM}, "m"."name", "m"."baseline_date"::text AS "baselineDate",
            "m"."current_date"::text AS "currentDate", "m"."completed_at"::text AS "completedAt"
       FROM "milestone" "m" JOIN "program" "p" ON "p"."id" = "m"."program_id"
      WHERE "m"."workspace_id" = $1 AND "p"."workspace_id" = $1
      ORDER BY "p"."name", "m"."baseline_date", "m"."id"`,
    [workspaceId],
  );
}

export function workspaceRaidItems(
  manager: EntityManager,
  workspaceId: string,
): Promise<RaidQueryRecord[]> {
  return manager.query(
    `SELECT ${PROGRAM}, "r"."kind", "r"."title", "r"."probability"::int AS "probability",
            "r"."impact"::int AS "impact", "r"."status"
       FROM "raid_item" "r" JOIN "program" "p" ON "p"."id" = "r"."program_id"
      WHERE "r"."workspace_id" = $1 AND "p"."workspace_id" = $1
      ORDER BY "p"."name", "r"."created_at", "r"."id"`,
    [workspaceId],
  );
}

export function workspaceDependencies(
  manager: EntityManager,
  workspaceId: string,
): Promise<DependencyQueryRecord[]> {
  return manager.query(
    `SELECT ${PROGRAM}, "d"."description", "d"."from_kind" AS "fromKind", "d"."from_id" AS "fromId",
            "d"."to_kind" AS "toKind", "d"."to_id" AS "toId", "d"."need_by"::text AS "needBy",
            "d"."status"
       FROM "program_dependency" "d" JOIN "program" "p" ON "p"."id" = "d"."program_id"
      WHERE "d"."workspace_id" = $1 AND "p"."workspace_id" = $1
      ORDER BY "p"."name", "d"."need_by", "d"."id"`,
    [workspaceId],
  );
}
