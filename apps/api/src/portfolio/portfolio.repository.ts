import type { ProgramHealth, ReportSections } from '@bearing/contracts';
import type { Day } from '@bearing/metrics';
import type { EntityManager } from 'typeorm';

/** A published report as a portfolio card's health trend draws it. */
export type TrendReport = {
  id: string;
  programId: string;
  week: Day;
  health: ProgramHealth;
  /** The two snapshot sections a watermelon is judged from — not the rest of the snapshot. */
  sections: Pick<ReportSections, 'keyResults' | 'guardrails'>;
};

/**
 * The programs' published reports of the weeks from `sinceWeek` on, oldest first, reading of
 * each snapshot only the sections the trend needs (JSONB paths): the trend shows a dot per week
 * and whether it was a watermelon, never the rest of the snapshot.
 */
export async function trendReports(
  manager: EntityManager,
  workspaceId: string,
  programIds: readonly string[],
  sinceWeek: Day,
): Promise<TrendReport[]> {
  if (programIds.length === 0) return [];
  const rows = await manager.query<
    {
      id: string;
      program_id: string;
      week: Day;
      health: ProgramHealth;
      key_results: ReportSections['keyResults'];
      guardrails: ReportSections['guardrails'];
    }[]
  >(
    `SELECT "id", "program_id", "week"::text AS "week", "health",
            "snapshot" #> '{sections,keyResults}' AS "key_results",
            "snapshot" #> '{sections,guardrails}' AS "guardrails"
       FROM "status_report"
      WHERE "workspace_id" = $1 AND "program_id" = ANY($2::uuid[])
        AND "state" = 'published' AND "week" >= $3::date
      ORDER BY "week", "program_id"`,
    [workspaceId, programIds, sinceWeek],
  );
  return rows.map((row) => ({
    id: row.id,
    programId: row.program_id,
    week: row.week,
    health: row.health,
    sections: { keyResults: row.key_results, guardrails: row.guardrails },
  }));
}
