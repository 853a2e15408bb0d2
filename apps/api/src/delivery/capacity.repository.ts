import type { SprintAvailability } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Every member of the team with their availability in each of `sprintIds` (their defaults where
 * none was entered), in ONE statement — capacity planning reads the planned sprint and its
 * history together. Members in name order, as the availability page lists them.
 */
export async function availabilityOfSprints(
  manager: EntityManager,
  teamId: string,
  sprintIds: readonly string[],
): Promise<Map<string, SprintAvailability>> {
  const bySprint = new Map<string, SprintAvailability>(
    sprintIds.map((sprintId) => [sprintId, { sprintId, members: [] }]),
  );
  if (sprintIds.length === 0) return bySprint;
  const rows = await manager.query<
    {
      sprint_id: string;
      member_id: string;
      display_name: string;
      default_allocation: number;
      allocation: number | null;
      days_off: string[] | null;
    }[]
  >(
    `SELECT "planned"."sprint_id", "member"."id" AS "member_id", "member"."display_name",
            "member"."allocation" AS "default_allocation",
            "availability"."allocation", "availability"."days_off"
       FROM unnest($2::uuid[]) AS "planned" ("sprint_id")
       JOIN "team_member" "member" ON "member"."team_id" = $1
       LEFT JOIN "sprint_availability" "availability"
              ON "availability"."sprint_id" = "planned"."sprint_id"
             AND "availability"."member_id" = "member"."id"
      ORDER BY "member"."display_name", "member"."id"`,
    [teamId, [...new Set(sprintIds)]],
  );
  for (const row of rows) {
    bySprint.get(row.sprint_id)?.members.push({
      memberId: row.member_id,
      displayName: row.display_name,
      defaultAllocation: row.default_allocation,
      allocation: row.allocation,
      daysOff: row.days_off ?? [],
    });
  }
  return bySprint;
}
