import { type EntityManager, In, LessThan } from 'typeorm';
import { ProblemException } from '../common/problem/problem.js';
import type { ProgramFacts } from './collectors/report-section-collector.js';
import type { Program } from '../programs/program.entity.js';
import { loadProgramLinks } from '../programs/program-links.repository.js';
import { recordNotFound } from '../programs/program.repository.js';
import { StatusReport } from './status-report.entity.js';

export type ProgramScope = { workspaceId: string; programId: string };

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
