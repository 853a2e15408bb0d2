import type { StatusReportListQuery, StatusReportPage } from '@bearing/contracts';
import { type DeepPartial, type EntityManager, In, LessThan, MoreThan } from 'typeorm';
import { z } from 'zod';
import { keysetItems, type KeysetOrder } from '../common/pagination/keyset-page.js';
import { ProblemException } from '../common/problem/problem.js';
import type { ProgramFacts } from './collectors/report-section-collector.js';
import type { Program } from '../programs/program.entity.js';
import { loadProgramLinks } from '../programs/program-links.repository.js';
import { recordNotFound } from '../programs/program.repository.js';
import { StatusReport } from './status-report.entity.js';
import { toReportListItem } from './status-report.mapper.js';

export type ProgramScope = { workspaceId: string; programId: string };

const weekIdPosition = z.tuple([z.iso.date(), z.uuid()]);

/** The program's reports (of one state, if given), newest week first, keyset-paged on (week, id). */
export function reportPage(
  manager: EntityManager,
  { workspaceId, programId }: ProgramScope,
  { limit, cursor, state }: StatusReportListQuery,
): Promise<StatusReportPage> {
  const query = manager
    .getRepository(StatusReport)
    .createQueryBuilder('report')
    .leftJoinAndSelect('report.publishedBy', 'publishedBy')
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
  return keysetItems(query, { cursor, limit }, order, toReportListItem);
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

/** The program's published reports, oldest week first. */
export function publishedReports(
  manager: EntityManager,
  { workspaceId, programId }: ProgramScope,
): Promise<StatusReport[]> {
  return manager.getRepository(StatusReport).find({
    where: { workspaceId, programId, state: 'published' },
    order: { week: 'ASC' },
  });
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
