import type { TeamCalendar, TeamWorkflow } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem/problem.js';

/**
 * The team and sprint rows the sprint reports and capacity planning read, as plain rows (no
 * entity hydration): what the metrics need of a team (its zone, calendar and workflow) and of a
 * sprint (its time box). A team is found by id or slug within the workspace only.
 */

export type ReportTeam = {
  id: string;
  timeZone: string;
  calendar: TeamCalendar;
  workflow: TeamWorkflow;
};

export type ReportSprint = {
  id: string;
  name: string;
  startsAt: Date | null;
  endsAt: Date | null;
  completedAt: Date | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `team.id` for a UUID-shaped ref, else `team.slug` — as every team route reads its ref. */
const teamRefCondition = (ref: string, parameter: string) =>
  UUID.test(ref) ? `"team"."id" = ${parameter}::uuid` : `"team"."slug" = ${parameter}`;

const TEAM_COLUMNS = `"team"."id" AS "team_id", "team"."time_zone", "team"."calendar", "team"."workflow"`;
const SPRINT_COLUMNS = `"sprint"."id" AS "sprint_id", "sprint"."name" AS "sprint_name",
       "sprint"."starts_at", "sprint"."ends_at", "sprint"."completed_at"`;

type TeamColumns = {
  team_id: string;
  time_zone: string;
  calendar: TeamCalendar;
  workflow: TeamWorkflow;
};
type SprintColumns = {
  sprint_id: string | null;
  sprint_name: string;
  starts_at: Date | null;
  ends_at: Date | null;
  completed_at: Date | null;
};

/** Closed sprints that have dates in a consistent order: those that velocity and capacity read. */
const REPORTABLE_CLOSED_SPRINT = `"sprint"."state" = 'closed'
       AND "sprint"."starts_at" IS NOT NULL AND "sprint"."ends_at" IS NOT NULL
       AND "sprint"."ends_at" >= "sprint"."starts_at"
       AND ("sprint"."completed_at" IS NULL OR "sprint"."completed_at" >= "sprint"."starts_at")`;

/** The team `teamRef` of the workspace and its sprint `sprintId`, in one statement; else 404. */
export async function findReportTeamSprint(
  manager: EntityManager,
  workspaceId: string,
  teamRef: string,
  sprintId: string,
): Promise<{ team: ReportTeam; sprint: ReportSprint }> {
  const [row] = await manager.query<(TeamColumns & SprintColumns)[]>(
    `SELECT ${TEAM_COLUMNS}, ${SPRINT_COLUMNS}
       FROM "team"
       LEFT JOIN "sprint" ON "sprint"."team_id" = "team"."id" AND "sprint"."id" = $3
      WHERE "team"."workspace_id" = $1 AND ${teamRefCondition(teamRef, '$2')}`,
    [workspaceId, teamRef, sprintId],
  );
  if (!row) throw teamNotFound(teamRef);
  const sprint = sprintOf(row);
  if (!sprint) throw ProblemException.notFound('There is no such sprint in this team.');
  return { team: teamOf(row), sprint };
}

/**
 * The team `teamRef` of the workspace and its last `count` reportable closed sprints, oldest
 * first, in one statement; else 404.
 */
export async function findReportTeamWithClosedSprints(
  manager: EntityManager,
  workspaceId: string,
  teamRef: string,
  count: number,
): Promise<{ team: ReportTeam; sprints: ReportSprint[] }> {
  const rows = await manager.query<(TeamColumns & SprintColumns)[]>(
    `SELECT ${TEAM_COLUMNS}, ${SPRINT_COLUMNS}
       FROM "team"
       LEFT JOIN LATERAL (
            SELECT * FROM "sprint"
             WHERE "sprint"."team_id" = "team"."id" AND ${REPORTABLE_CLOSED_SPRINT}
             ORDER BY "sprint"."ends_at" DESC, "sprint"."id" DESC
             LIMIT $3
          ) AS "sprint" ON true
      WHERE "team"."workspace_id" = $1 AND ${teamRefCondition(teamRef, '$2')}
      ORDER BY "sprint"."ends_at" DESC, "sprint"."id" DESC`,
    [workspaceId, teamRef, count],
  );
  const [first] = rows;
  if (!first) throw teamNotFound(teamRef);
  const sprints = rows.flatMap((row) => sprintOf(row) ?? []).reverse();
  return { team: teamOf(first), sprints };
}

/**
 * The team's last `count` reportable closed sprints that end before `before` (if given), oldest
 * first.
 */
export async function lastClosedSprints(
  manager: EntityManager,
  teamId: string,
  count: number,
  before?: Date,
): Promise<ReportSprint[]> {
  const rows = await manager.query<SprintColumns[]>(
    `SELECT ${SPRINT_COLUMNS}
       FROM "sprint"
      WHERE "sprint"."team_id" = $1 AND ${REPORTABLE_CLOSED_SPRINT}
        AND ($3::timestamptz IS NULL OR "sprint"."ends_at" <= $3)
      ORDER BY "sprint"."ends_at" DESC, "sprint"."id" DESC
      LIMIT $2`,
    [teamId, count, before ?? null],
  );
  return rows.flatMap((row) => sprintOf(row) ?? []).reverse();
}

function teamNotFound(ref: string): ProblemException {
  return ProblemException.notFound(`There is no team "${ref}" here.`);
}

function teamOf(row: TeamColumns): ReportTeam {
  return {
    id: row.team_id,
    timeZone: row.time_zone,
    calendar: row.calendar,
    workflow: row.workflow,
  };
}

function sprintOf(row: SprintColumns): ReportSprint | undefined {
  if (row.sprint_id === null) return undefined;
  return {
    id: row.sprint_id,
    name: row.sprint_name,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    completedAt: row.completed_at,
  };
}

/** A sprint of the workspace with its team, for the query language's `Sprints` table. */
export type WorkspaceSprint = ReportSprint & {
  state: string;
  team: ReportTeam & { slug: string; workspaceId: string };
};

/**
 * Every sprint with dates of every team of the workspace — those ending at or after `endsFrom`
 * when given — by team slug, then start, then id.
 */
export async function listWorkspaceSprints(
  manager: EntityManager,
  workspaceId: string,
  { endsFrom }: { endsFrom?: Date | undefined } = {},
): Promise<WorkspaceSprint[]> {
  const rows = await manager.query<
    (TeamColumns & SprintColumns & { slug: string; workspace_id: string; state: string })[]
  >(
    `SELECT ${TEAM_COLUMNS}, "team"."slug", "team"."workspace_id", ${SPRINT_COLUMNS},
            "sprint"."state"
       FROM "sprint" JOIN "team" ON "team"."id" = "sprint"."team_id"
      WHERE "team"."workspace_id" = $1
        AND "sprint"."starts_at" IS NOT NULL AND "sprint"."ends_at" IS NOT NULL
        ${endsFrom ? `AND "sprint"."ends_at" >= $2` : ''}
      ORDER BY "team"."slug", "sprint"."starts_at", "sprint"."id"`,
    endsFrom ? [workspaceId, endsFrom] : [workspaceId],
  );
  return rows.flatMap((row) => {
    const sprint = sprintOf(row);
    if (!sprint) return [];
    return [
      {
        ...sprint,
        state: row.state,
        team: { ...teamOf(row), slug: row.slug, workspaceId: row.workspace_id },
      },
    ];
  });
}
