import type {
  ProgramDependencyStatus,
  ProgramHealth,
  RaidKind,
  RaidStatus,
  ReportSections,
} from '@bearing/contracts';
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

/** An open milestone, as a portfolio card judges its slip. */
export type OpenMilestone = {
  id: string;
  programId: string;
  name: string;
  baselineDate: Day;
  currentDate: Day;
  completedAt: null;
};

/** An open RAID item, as a card counts it and the top risks list it. */
export type OpenRaidItem = {
  id: string;
  programId: string;
  kind: RaidKind;
  title: string;
  probability: number;
  impact: number;
  status: RaidStatus;
  dueDate: Day | null;
};

/** A dependency, as a card counts the overdue ones. */
export type DependencyDue = {
  programId: string;
  needBy: Day;
  status: ProgramDependencyStatus;
};

export type ProgramRecords = {
  trend: TrendReport[];
  milestones: OpenMilestone[];
  openRaid: OpenRaidItem[];
  dependencies: DependencyDue[];
};

/**
 * What the programs' cards read besides their links and health, in ONE statement (one
 * snapshot), as plain JSON rows: the published reports of the weeks from `sinceWeek` on (oldest
 * first), reading of each snapshot only the sections the trend needs (JSONB paths) — the trend
 * shows a dot per week and whether it was a watermelon, never the rest of the snapshot — and the
 * open milestones, open RAID items and dependencies.
 */
export async function programRecords(
  manager: EntityManager,
  workspaceId: string,
  programIds: readonly string[],
  sinceWeek: Day,
): Promise<ProgramRecords> {
  if (programIds.length === 0) return { trend: [], milestones: [], openRaid: [], dependencies: [] };
  const [row] = await manager.query<
    {
      trend: (Omit<TrendReport, 'sections'> & TrendReport['sections'])[];
      milestones: OpenMilestone[];
      open_raid: OpenRaidItem[];
      dependencies: DependencyDue[];
    }[]
  >(
    `SELECT
       (SELECT coalesce(json_agg(json_build_object(
                 'id', "report"."id", 'programId', "report"."program_id",
                 'week', "report"."week", 'health', "report"."health",
                 'keyResults', "report"."snapshot" #> '{sections,keyResults}',
                 'guardrails', "report"."snapshot" #> '{sections,guardrails}')
                 ORDER BY "report"."week", "report"."program_id"), '[]')
          FROM "status_report" "report"
         WHERE "report"."workspace_id" = $1 AND "report"."program_id" = ANY($2::uuid[])
           AND "report"."state" = 'published' AND "report"."week" >= $3::date) AS "trend",
       (SELECT coalesce(json_agg(json_build_object(
                 'id', "milestone"."id", 'programId', "milestone"."program_id",
                 'name', "milestone"."name", 'baselineDate', "milestone"."baseline_date",
                 'currentDate', "milestone"."current_date", 'completedAt', NULL)
                 ORDER BY "milestone"."id"), '[]')
          FROM "milestone"
         WHERE "milestone"."workspace_id" = $1 AND "milestone"."program_id" = ANY($2::uuid[])
           AND "milestone"."completed_at" IS NULL) AS "milestones",
       (SELECT coalesce(json_agg(json_build_object(
                 'id', "raid"."id", 'programId', "raid"."program_id", 'kind', "raid"."kind",
                 'title', "raid"."title", 'probability', "raid"."probability",
                 'impact', "raid"."impact", 'status', "raid"."status",
                 'dueDate', "raid"."due_date")
                 ORDER BY "raid"."id"), '[]')
          FROM "raid_item" "raid"
         WHERE "raid"."workspace_id" = $1 AND "raid"."program_id" = ANY($2::uuid[])
           AND "raid"."status" = 'open') AS "open_raid",
       (SELECT coalesce(json_agg(json_build_object(
                 'programId', "dependency"."program_id", 'needBy', "dependency"."need_by",
                 'status', "dependency"."status")), '[]')
          FROM "program_dependency" "dependency"
         WHERE "dependency"."workspace_id" = $1
           AND "dependency"."program_id" = ANY($2::uuid[])) AS "dependencies"`,
    [workspaceId, programIds, sinceWeek],
  );
  if (!row) throw new Error('a SELECT without FROM answered no row');
  return {
    trend: row.trend.map(({ keyResults, guardrails, ...report }) => ({
      ...report,
      sections: { keyResults, guardrails },
    })),
    milestones: row.milestones,
    openRaid: row.open_raid,
    dependencies: row.dependencies,
  };
}
