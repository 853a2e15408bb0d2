import {
  PORTFOLIO_TOP_RISKS,
  PORTFOLIO_TREND_WEEKS,
  type PortfolioProgram,
  type PortfolioRisk,
} from '@bearing/contracts';
import { addDays, type Day, milestoneSlipDays, riskScore } from '@bearing/metrics';
import type { EntityManager } from 'typeorm';
import { liveObjectivesWithOwnerAndPeriod } from '../okrs/objectives/objective.repository.js';
import type { OkrReadModel } from '../okrs/okr-read-model.service.js';
import { daysOverdue } from '../programs/dependencies/dependencies.service.js';
import { loadProgramLinks } from '../programs/program-links.repository.js';
import { programsByName } from '../programs/program.repository.js';
import { isWatermelon } from '../status-reports/status-reports.service.js';
import type { ProgramHealthReadModel } from '../status-reports/program-health-read-model.service.js';
import { programRecords } from './portfolio.repository.js';

export type ProgramSummaries = { programs: PortfolioProgram[]; topRisks: PortfolioRisk[] };

/** The read models a portfolio card is built with, besides its own queries. */
export type ProgramSummaryReadModels = {
  okrs: OkrReadModel;
  health: ProgramHealthReadModel;
};

/**
 * Every program of the workspace as a portfolio card, plus the workspace's top open risks. One
 * query per kind of record for all programs together (never one per program), so the page
 * costs the same with three programs or thirty — except a program without any published report,
 * whose suggested health is taken as a report draft takes it, section by section.
 */
export async function loadProgramSummaries(
  manager: EntityManager,
  readModels: ProgramSummaryReadModels,
  workspaceId: string,
  today: Day,
): Promise<ProgramSummaries> {
  const programs = await programsByName(manager, workspaceId);
  const programIds = programs.map(({ id }) => id);
  if (programIds.length === 0) return { programs: [], topRisks: [] };

  // Independent reads outside any transaction: each takes its own pooled connection, so their
  // round trips overlap instead of adding up.
  const [links, records, health] = await Promise.all([
    loadProgramLinks(manager, workspaceId, programIds),
    programRecords(manager, workspaceId, programIds, addDays(today, -7 * PORTFOLIO_TREND_WEEKS)),
    readModels.health.of(manager, workspaceId, programs),
  ]);
  const { trend: reports, milestones, openRaid, dependencies } = records;
  const objectiveIds = [...new Set([...links.values()].flatMap((link) => link.objectiveIds))];
  const objectives = await liveObjectivesWithOwnerAndPeriod(manager, workspaceId, objectiveIds);
  const objectiveResponses = new Map(
    (await readModels.okrs.objectives(manager, objectives)).map((response) => [
      response.id,
      response,
    ]),
  );

  const cards = programs.map((program): PortfolioProgram => {
    const linkedObjectives = links.get(program.id)?.objectiveIds ?? [];
    const ofProgram = <T extends { programId: string }>(rows: readonly T[]) =>
      rows.filter((row) => row.programId === program.id);
    return {
      id: program.id,
      name: program.name,
      health: program.health,
      healthReason: program.healthReason,
      watermelon: health.get(program.id)?.watermelon ?? false,
      healthSuggestion: health.get(program.id)?.healthSuggestion ?? null,
      trend: ofProgram(reports).map((report) => ({
        reportId: report.id,
        week: report.week,
        health: report.health,
        watermelon: isWatermelon(report.health, report.sections),
      })),
      objectives: linkedObjectives.flatMap((id) => {
        const objective = objectiveResponses.get(id);
        return objective
          ? [
              {
                id: objective.id,
                title: objective.title,
                status: objective.status,
                progress: objective.progress,
                score: objective.score,
                pace: objective.pace,
              },
            ]
          : [];
      }),
      slippingMilestones: ofProgram(milestones)
        .map((milestone) => ({
          id: milestone.id,
          name: milestone.name,
          baselineDate: milestone.baselineDate,
          currentDate: milestone.currentDate,
          // Open milestones: one whose date passed is late up to today, moved or not.
          slipDays: milestoneSlipDays({ ...milestone, asOf: today }),
        }))
        .filter(({ slipDays }) => slipDays > 0)
        .sort((a, b) => b.slipDays - a.slipDays || a.name.localeCompare(b.name)),
      openRiskCount: ofProgram(openRaid).filter(({ kind }) => kind === 'risk').length,
      overdueDependencyCount: ofProgram(dependencies).filter(
        (dependency) => daysOverdue(dependency, today) > 0,
      ).length,
    };
  });

  const names = new Map(programs.map(({ id, name }) => [id, name]));
  const topRisks = openRaid
    .filter(({ kind }) => kind === 'risk' || kind === 'issue')
    .map((item): PortfolioRisk => ({
      id: item.id,
      programId: item.programId,
      programName: names.get(item.programId) ?? '',
      kind: item.kind,
      title: item.title,
      probability: item.probability,
      impact: item.impact,
      score: riskScore(item),
      status: item.status,
      dueDate: item.dueDate,
    }))
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title))
    .slice(0, PORTFOLIO_TOP_RISKS);

  return { programs: cards, topRisks };
}
