import type {
  ProgramHealth,
  ReportSections,
  StatusReportListQuery,
  StatusReportPage,
} from '@bearing/contracts';
import { type DeepPartial, type EntityManager, In, LessThan, MoreThan } from 'typeorm';
import { z } from 'zod';
import { type KeysetOrder, keysetPage } from '../common/pagination/keyset-page.js';
import { ProblemException } from '../common/problem/problem.js';
import type { ProgramFacts } from './collectors/report-section-collector.js';
import type { Program } from '../programs/program.entity.js';
import { loadProgramLinks } from '../programs/program-links.repository.js';
import { recordNotFound } from '../programs/program.repository.js';
import { StatusReport } from './status-report.entity.js';
import { toReportListItem } from './status-report.mapper.js';

export type ProgramScope = { workspaceId: string; programId: string };

const weekIdPosition = z.tuple([z.iso.date(), z.uuid()]);

/** The two sections of a snapshot the watermelon rule reads. */
export type WatermelonSections = Pick<ReportSections, 'keyResults' | 'guardrails'>;

/** A list item's columns: never the words, nor the snapshot (tens of KB each). */
const LIST_COLUMNS = [
  'report.id',
  'report.programId',
  'report.week',
  'report.state',
  'report.health',
  'report.healthReason',
  'report.suggestedHealth',
  'report.generatedAt',
  'report.publishedAt',
  'report.createdAt',
  'report.updatedAt',
  'report.version',
];

/**
 * The program's reports (of one state, if given), newest week first, keyset-paged on (week, id).
 * A page reads its rows' columns, then of their snapshots only the sections the watermelon flag
 * needs (JSONB paths), so a page costs the same however large the snapshots have grown.
 */
export async function reportPage(
  manager: EntityManager,
  { workspaceId, programId }: ProgramScope,
  { limit, cursor, state }: StatusReportListQuery,
): Promise<StatusReportPage> {
  const query = manager
    .getRepository(StatusReport)
    .createQueryBuilder('report')
    .select(LIST_COLUMNS)
    .leftJoin('report.publishedBy', 'publishedBy')
    .addSelect(['publishedBy.id', 'publishedBy.displayName'])
    .where('report.workspaceId = :workspaceId', { workspaceId })
    .andWhere('report.programId = :programId', { programId });
  if (state) query.andWhere('report.state = :state', { state });
  const order: KeysetOrder<StatusReport> = {
    keys: [
      { sort: 'report.week', valueOf: (report) => report.week },
      { sort: 'report.id', valueOf: (report) => report.id },
    ],
    direction: 'DESC',
    shape: weekIdPosition,
  };
  const { rows, nextCursor } = await keysetPage(query, { cursor, limit }, order);
  const sections = await watermelonSections(
    manager,
    workspaceId,
    rows.map(({ id }) => id),
  );
  return {
    items: rows.map((report) => {
      const ofReport = sections.get(report.id);
      if (!ofReport) throw new Error(`status report ${report.id} vanished while listed`);
      return toReportListItem(report, ofReport);
    }),
    nextCursor,
  };
}

/** Of each report's snapshot, the key results and guardrails sections, by report id. */
async function watermelonSections(
  manager: EntityManager,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, WatermelonSections>> {
  if (ids.length === 0) return new Map();
  const rows = await manager.query<({ id: string } & WatermelonSections)[]>(
    `SELECT "id", "snapshot" #> '{sections,keyResults}' AS "keyResults",
            "snapshot" #> '{sections,guardrails}' AS "guardrails"
       FROM "status_report"
      WHERE "workspace_id" = $1 AND "id" = ANY($2::uuid[])`,
    [workspaceId, ids],
  );
  return new Map(rows.map(({ id, keyResults, guardrails }) => [id, { keyResults, guardrails }]));
}

/** Whether the program has a report for the week starting `week`. */
export function hasReportOfWeek(
  manager: EntityManager,
  { workspaceId, programId }: ProgramScope,
  week: string,
): Promise<boolean> {
  return manager.getRepository(StatusReport).existsBy({ workspaceId, programId, week });
}

export function insertReport(
  manager: EntityManager,
  values: DeepPartial<StatusReport>,
): Promise<StatusReport> {
  const reports = manager.getRepository(StatusReport);
  return reports.save(reports.create(values));
}

export async function updateReport(
  manager: EntityManager,
  { workspaceId, programId }: ProgramScope,
  id: string,
  changes: Partial<StatusReport>,
): Promise<void> {
  await manager.getRepository(StatusReport).update({ workspaceId, programId, id }, changes);
}

/** Whether the program has a published report of a week after `week`. */
export function hasPublishedAfter(
  manager: EntityManager,
  { workspaceId, programId }: ProgramScope,
  week: string,
): Promise<boolean> {
  return manager
    .getRepository(StatusReport)
    .existsBy({ workspaceId, programId, state: 'published', week: MoreThan(week) });
}

/** A point of the health timeline, as read: no words, and of the snapshot two sections. */
export type TimelineReport = {
  id: string;
  week: string;
  health: ProgramHealth;
  healthReason: string | null;
  suggestedHealth: ProgramHealth;
  publishedAt: Date;
} & WatermelonSections;

/**
 * The program's last `limit` published reports, oldest week first, reading of each snapshot
 * only the sections the watermelon flag needs (JSONB paths), never the whole snapshot.
 */
export async function lastPublishedReports(
  manager: EntityManager,
  { workspaceId, programId }: ProgramScope,
  limit: number,
): Promise<TimelineReport[]> {
  const rows = await manager.query<TimelineReport[]>(
    `SELECT "id", "week"::text AS "week", "health", "health_reason" AS "healthReason",
            "suggested_health" AS "suggestedHealth", "published_at" AS "publishedAt",
            "snapshot" #> '{sections,keyResults}' AS "keyResults",
            "snapshot" #> '{sections,guardrails}' AS "guardrails"
       FROM "status_report"
      WHERE "workspace_id" = $1 AND "program_id" = $2 AND "state" = 'published'
      ORDER BY "week" DESC
      LIMIT $3`,
    [workspaceId, programId, limit],
  );
  return rows.reverse();
}

/** Each program's published report of the latest week, by program id. */
export async function latestPublishedReports(
  manager: EntityManager,
  workspaceId: string,
  programIds: readonly string[],
): Promise<Map<string, StatusReport>> {
  if (programIds.length === 0) return new Map();
  const reports = await manager
    .getRepository(StatusReport)
    .createQueryBuilder('report')
    .distinctOn(['report.program_id'])
    .where('report.workspaceId = :workspaceId', { workspaceId })
    .andWhere('report.programId IN (:...programIds)', { programIds })
    .andWhere("report.state = 'published'")
    .orderBy('report.program_id')
    .addOrderBy('report.week', 'DESC')
    .getMany();
  return new Map(reports.map((report) => [report.programId, report]));
}

export async function findReport(
  manager: EntityManager,
  { workspaceId, programId }: ProgramScope,
  id: string,
): Promise<StatusReport> {
  const report = await manager
    .getRepository(StatusReport)
    .findOne({ where: { workspaceId, programId, id }, relations: { publishedBy: true } });
  if (!report) throw recordNotFound('status_report');
  return report;
}

/** The program's last published report of a week before `week`: what changes are against. */
export function lastPublishedBefore(
  manager: EntityManager,
  { workspaceId, programId }: ProgramScope,
  week: string,
): Promise<StatusReport | null> {
  return manager.getRepository(StatusReport).findOne({
    where: { workspaceId, programId, state: 'published', week: LessThan(week) },
    order: { week: 'DESC' },
  });
}

export async function programFacts(
  manager: EntityManager,
  program: Program,
): Promise<ProgramFacts> {
  const links = (await loadProgramLinks(manager, program.workspaceId, [program.id])).get(
    program.id,
  );
  return {
    id: program.id,
    workspaceId: program.workspaceId,
    name: program.name,
    start: program.start,
    end: program.end,
    teamIds: links?.teamIds ?? [],
    objectiveIds: links?.objectiveIds ?? [],
    guardrailIds: links?.guardrailIds ?? [],
  };
}

/** Once published, a report never changes. */
export function assertDraft(report: StatusReport): void {
  if (report.state === 'published') {
    throw ProblemException.conflict(
      'report-published',
      `The report of the week of ${report.week} is published and never changes; write next week's report instead.`,
    );
  }
}

/** A health other than the suggested one needs a reason. */
export function overrideViolation(report: {
  health: string;
  suggestedHealth: string;
  healthReason: string | null;
}): ProblemException | null {
  if (report.health === report.suggestedHealth || report.healthReason) return null;
  return ProblemException.validation([
    {
      path: 'healthReason',
      message: `is required when health (${report.health}) differs from the suggested ${report.suggestedHealth}: say why`,
    },
  ]);
}

/** The reports of those programs of the workspace for the week starting `week`. */
export function reportsOfWeek(
  manager: EntityManager,
  workspaceId: string,
  week: string,
  programIds: readonly string[],
): Promise<StatusReport[]> {
  if (programIds.length === 0) return Promise.resolve([]);
  return manager
    .getRepository(StatusReport)
    .find({ where: { workspaceId, week, programId: In([...programIds]) } });
}
