import type { SprintAvailability as SprintAvailabilityResponse } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';

type AvailabilityRow = { memberId: string; allocation: number | null; daysOff: string[] };

/**
 * Each of `sprintIds` (sprints of the team; others are left out of the map) with its roster and
 * every member's availability in it, in ONE statement — capacity planning reads the planned
 * sprint and its history together. Members in name order, as the availability page lists them.
 *
 * - A sprint not closed: the team's members now, each with their availability row or their
 *   current default allocation and no days off.
 * - A closed sprint (frozen): only its rows, with the default allocation each member had when it
 *   closed — members who joined later are not in it, and members who left since still are.
 */
export async function availabilityOfSprints(
  manager: EntityManager,
  teamId: string,
  sprintIds: readonly string[],
): Promise<Map<string, SprintAvailabilityResponse>> {
  const bySprint = new Map<string, SprintAvailabilityResponse>();
  if (sprintIds.length === 0) return bySprint;
  const rows = await manager.query<
    {
      sprint_id: string;
      version: number;
      member_id: string | null;
      display_name: string;
      default_allocation: number;
      allocation: number | null;
      days_off: string[] | null;
    }[]
  >(
    `SELECT "sprint"."id" AS "sprint_id", "sprint"."availability_version" AS "version",
            "roster"."member_id", "roster"."display_name", "roster"."default_allocation",
            "roster"."allocation", "roster"."days_off"
       FROM "sprint"
       LEFT JOIN LATERAL (
         SELECT "member"."id" AS "member_id", "member"."display_name",
                coalesce("availability"."default_allocation", "member"."allocation")
                  AS "default_allocation",
                "availability"."allocation", "availability"."days_off"
           FROM "team_member" "member"
           LEFT JOIN "sprint_availability" "availability"
                  ON "availability"."sprint_id" = "sprint"."id"
                 AND "availability"."member_id" = "member"."id"
          WHERE "member"."team_id" = "sprint"."team_id"
            AND CASE WHEN "sprint"."availability_frozen_at" IS NULL
                     THEN "member"."removed_at" IS NULL
                     ELSE "availability"."default_allocation" IS NOT NULL END
       ) "roster" ON true
      WHERE "sprint"."team_id" = $1 AND "sprint"."id" = ANY($2::uuid[])
      ORDER BY "roster"."display_name", "roster"."member_id"`,
    [teamId, [...new Set(sprintIds)]],
  );
  for (const row of rows) {
    let sprint = bySprint.get(row.sprint_id);
    if (!sprint) {
      sprint = { sprintId: row.sprint_id, version: row.version, members: [] };
      bySprint.set(row.sprint_id, sprint);
    }
    if (row.member_id === null) continue;
    sprint.members.push({
      memberId: row.member_id,
      displayName: row.display_name,
      defaultAllocation: row.default_allocation,
      allocation: row.allocation,
      daysOff: row.days_off ?? [],
    });
  }
  return bySprint;
}

/** The members of a sprint's roster (see `availabilityOfSprints`) among `memberIds`. */
export async function rosterMembers(
  manager: EntityManager,
  sprint: { id: string; teamId: string; availabilityFrozenAt: Date | null },
  memberIds: readonly string[],
): Promise<Set<string>> {
  const rows =
    sprint.availabilityFrozenAt === null
      ? await manager.query<{ id: string }[]>(
          `SELECT "id" FROM "team_member"
            WHERE "team_id" = $1 AND "removed_at" IS NULL AND "id" = ANY($2::uuid[])`,
          [sprint.teamId, [...memberIds]],
        )
      : await manager.query<{ id: string }[]>(
          `SELECT "member_id" AS "id" FROM "sprint_availability"
            WHERE "sprint_id" = $1 AND "default_allocation" IS NOT NULL
              AND "member_id" = ANY($2::uuid[])`,
          [sprint.id, [...memberIds]],
        );
  return new Set(rows.map((row) => row.id));
}

/**
 * Writes a sprint's availability (the sprint found in its team and workspace, and locked, by
 * the caller; `rows` checked against its roster) and bumps its availability version.
 *
 * - Not closed: replaces its rows with `rows`; members not listed are back to their defaults.
 * - Closed (frozen): its roster stays; each member gets their row of `rows`, or the default they
 *   had when it closed and no days off when not listed.
 */
export async function writeSprintAvailability(
  manager: EntityManager,
  sprint: { id: string; availabilityFrozenAt: Date | null },
  rows: readonly AvailabilityRow[],
): Promise<void> {
  const entered = JSON.stringify(
    rows.map((row) => ({
      member_id: row.memberId,
      allocation: row.allocation,
      days_off: row.daysOff,
    })),
  );
  const entries = `jsonb_to_recordset($2::jsonb)
    AS "entry" ("member_id" uuid, "allocation" double precision, "days_off" jsonb)`;
  if (sprint.availabilityFrozenAt === null) {
    await manager.query(`DELETE FROM "sprint_availability" WHERE "sprint_id" = $1`, [sprint.id]);
    await manager.query(
      `INSERT INTO "sprint_availability" ("sprint_id", "member_id", "allocation", "days_off")
       SELECT $1::uuid, "entry"."member_id", "entry"."allocation", "entry"."days_off"
         FROM ${entries}`,
      [sprint.id, entered],
    );
  } else {
    await manager.query(
      `UPDATE "sprint_availability" "availability"
          SET "allocation" = "entry"."allocation", "days_off" = coalesce("entry"."days_off", '[]')
         FROM "sprint_availability" "roster"
         LEFT JOIN ${entries} ON "entry"."member_id" = "roster"."member_id"
        WHERE "roster"."sprint_id" = $1 AND "roster"."default_allocation" IS NOT NULL
          AND "availability"."sprint_id" = "roster"."sprint_id"
          AND "availability"."member_id" = "roster"."member_id"`,
      [sprint.id, entered],
    );
  }
  await manager.query(
    `UPDATE "sprint" SET "availability_version" = "availability_version" + 1 WHERE "id" = $1`,
    [sprint.id],
  );
}

/**
 * Of `sprintIds` (sprints of the team), those not closed yet: read before a write that may close
 * them, to freeze the ones it does (`freezeSprintAvailability`).
 */
export async function openSprintsAmong(
  manager: EntityManager,
  teamId: string,
  sprintIds: readonly string[],
): Promise<string[]> {
  if (sprintIds.length === 0) return [];
  const rows = await manager.query<{ id: string }[]>(
    `SELECT "id" FROM "sprint"
      WHERE "team_id" = $1 AND "id" = ANY($2::uuid[]) AND "state" <> 'closed'`,
    [teamId, [...new Set(sprintIds)]],
  );
  return rows.map((row) => row.id);
}

/**
 * Freezes the availability of those of `sprintIds` (sprints of the team that were open and
 * that the caller's transaction just wrote) that are now closed, bumping their availability
 * version: a row for every current member the sprint has none for, and each row's default
 * allocation of the moment. From then on the team's later members, departures and default
 * changes leave the sprint's person-days as they were.
 *
 * Only a sprint that closes while Bearing knows it, in a team with members: one imported or
 * entered already closed, or closed before the team had any members, has no roster Bearing
 * knew, and keeps following the team's members, its best estimate.
 */
export async function freezeSprintAvailability(
  manager: EntityManager,
  teamId: string,
  sprintIds: readonly string[],
): Promise<void> {
  if (sprintIds.length === 0) return;
  // The rows written name the members: lock them first (as those rows will), so a removal in
  // flight is waited for and then left out, rather than read here and failing the insert on
  // its foreign key once it commits.
  await manager.query(
    `SELECT 1 FROM "team_member" WHERE "team_id" = $1 AND "removed_at" IS NULL FOR KEY SHARE`,
    [teamId],
  );
  await manager.query(
    `WITH "frozen" AS (
       UPDATE "sprint"
          SET "availability_frozen_at" = now(), "availability_version" = "availability_version" + 1
        WHERE "team_id" = $1 AND "id" = ANY($2::uuid[]) AND "state" = 'closed'
          AND "availability_frozen_at" IS NULL
          AND EXISTS (SELECT 1 FROM "team_member" "member"
                       WHERE "member"."team_id" = $1 AND "member"."removed_at" IS NULL)
       RETURNING "id")
     INSERT INTO "sprint_availability" ("sprint_id", "member_id", "allocation", "days_off", "default_allocation")
     SELECT "frozen"."id", "member"."id", NULL, '[]'::jsonb, "member"."allocation"
       FROM "frozen"
       JOIN "team_member" "member" ON "member"."team_id" = $1 AND "member"."removed_at" IS NULL
     ON CONFLICT ("sprint_id", "member_id")
     DO UPDATE SET "default_allocation" = EXCLUDED."default_allocation"`,
    [teamId, [...new Set(sprintIds)]],
  );
}

/**
 * Thaws those of `sprintIds` (sprints of the team) that are frozen but no longer closed (a
 * sprint reopened), bumping their availability version: they follow the team's current
 * members and defaults again, and freeze again when they close.
 */
export async function thawSprintAvailability(
  manager: EntityManager,
  teamId: string,
  sprintIds: readonly string[],
): Promise<void> {
  if (sprintIds.length === 0) return;
  await manager.query(
    `WITH "thawed" AS (
       UPDATE "sprint"
          SET "availability_frozen_at" = NULL, "availability_version" = "availability_version" + 1
        WHERE "team_id" = $1 AND "id" = ANY($2::uuid[]) AND "state" <> 'closed'
          AND "availability_frozen_at" IS NOT NULL
       RETURNING "id")
     UPDATE "sprint_availability" "availability" SET "default_allocation" = NULL
       FROM "thawed" WHERE "availability"."sprint_id" = "thawed"."id"`,
    [teamId, [...new Set(sprintIds)]],
  );
}
