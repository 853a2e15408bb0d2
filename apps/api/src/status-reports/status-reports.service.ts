import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateStatusReportRequest,
  HealthTimeline,
  HealthTimelineQuery,
  PublishStatusReportRequest,
  ReportAudience,
  StatusReport as StatusReportResponse,
  StatusReportListQuery,
  StatusReportPage,
  UpdateStatusReportRequest,
} from '@bearing/contracts';
import { mondayOnOrBefore } from '@bearing/metrics';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/caller.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { ClockService } from '../common/clock/clock.service.js';
import { ProblemException } from '../common/problem/problem.js';
import { isSerializationFailure, isUniqueViolation } from '../database/postgres-errors.js';
import {
  findProgram,
  invalid,
  lockProgram,
  lockProgramRecord,
  updateProgram,
} from '../programs/program.repository.js';
import { draftWords } from './draft-words.js';
import { isWatermelon } from './health-rules.js';
import { ReportGenerator } from './report-generator.js';
import { renderReportMarkdown } from './report-markdown.js';
import { publishReportPublished } from './report-notice.js';
import { reportWeek } from './report-week.js';
import { toReportResponse } from './status-report.mapper.js';
import type { StatusReport } from './status-report.entity.js';
import {
  assertDraft,
  findReport,
  hasPublishedAfter,
  hasReportOfWeek,
  insertReport,
  lastPublishedBefore,
  lastPublishedReports,
  overrideViolation,
  type ProgramScope,
  programFacts,
  reportPage,
  updateReport,
} from './status-report.repository.js';
import { staleVersion } from '../common/problem/stale-version.js';

/** The watermelon rule and the reporting week, for reviews and the portfolio. */
export { isWatermelon } from './health-rules.js';
export { reportWeek } from './report-week.js';

/**
 * Weekly status reports of one program of one workspace; every query filters by both. Drafts are
 * generated from the data and edited; published reports are frozen.
 */
@Injectable()
export class StatusReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly generator: ReportGenerator,
    private readonly clock: ClockService,
  ) {}

  /** Newest week first, keyset-paged on (week, id). */
  async list(
    { workspaceId, programId }: ProgramScope,
    { limit, cursor, state }: StatusReportListQuery,
  ): Promise<StatusReportPage> {
    const manager = this.dataSource.manager;
    await findProgram(manager, workspaceId, programId);
    return reportPage(manager, { workspaceId, programId }, { limit, cursor, state });
  }

  async get(scope: ProgramScope, id: string): Promise<StatusReportResponse> {
    const manager = this.dataSource.manager;
    await findProgram(manager, scope.workspaceId, scope.programId);
    return toReportResponse(await findReport(manager, scope, id));
  }

  /**
   * Generates the draft of a week: a snapshot of the numbers (every section read in one
   * repeatable-read transaction, so they agree), the suggested health and draft words.
   */
  async create(
    scope: ProgramScope,
    actor: Actor,
    request: CreateStatusReportRequest,
  ): Promise<StatusReportResponse> {
    try {
      return await this.repeatableRead(async (manager) => {
        const program = await findProgram(manager, scope.workspaceId, scope.programId);
        const week = reportWeek(request.week);
        const today = this.clock.today();
        if (week.end < program.start) {
          throw invalid(
            'week',
            `ends before the program starts (${program.start}): its first week is ${mondayOnOrBefore(program.start)}`,
          );
        }
        if (week.start > today) {
          throw invalid('week', `has not begun yet: this week is ${mondayOnOrBefore(today)}`);
        }
        if (
          await hasReportOfWeek(
            manager,
            { workspaceId: program.workspaceId, programId: program.id },
            week.start,
          )
        ) {
          throw reportExists(week.start);
        }
        const compared = await lastPublishedBefore(
          manager,
          { workspaceId: program.workspaceId, programId: program.id },
          week.start,
        );
        const snapshot = await this.generator.snapshot(
          manager,
          await programFacts(manager, program),
          week,
          compared,
        );
        const report = await insertReport(manager, {
          ...scope,
          week: week.start,
          state: 'draft',
          health: snapshot.suggestedHealth,
          healthReason: null,
          suggestedHealth: snapshot.suggestedHealth,
          ...draftWords(snapshot),
          snapshot,
          generatedAt: new Date(snapshot.generatedAt),
          publishedAt: null,
          publishedByUserId: null,
          createdByUserId: actor.userId,
        });
        await recordAuditEvent(manager, {
          workspaceId: scope.workspaceId,
          actor,
          action: 'status-report.generated',
          target: { type: 'status-report', id: report.id },
          details: {
            programId: scope.programId,
            week: week.start,
            suggestedHealth: snapshot.suggestedHealth,
          },
        });
        return toReportResponse(await findReport(manager, scope, report.id));
      });
    } catch (error) {
      // Two people generating the same week at the same moment: one wins, the other is told.
      if (isUniqueViolation(error)) throw reportExists(request.week);
      throw error;
    }
  }

  /**
   * Edits a draft's words and health. A health other than the suggested one needs a reason; a
   * new health sent without one drops the old reason, which explained the old health.
   */
  async update(
    scope: ProgramScope,
    actor: Actor,
    id: string,
    { version, ...changes }: UpdateStatusReportRequest,
  ): Promise<StatusReportResponse> {
    return this.dataSource.transaction(async (manager) => {
      const report = await lockedReport(manager, scope, id);
      assertDraft(report);
      if (report.version !== version) throw staleVersion('report', report.version, version);
      const healthChanged = changes.health !== undefined && changes.health !== report.health;
      const merged = {
        health: changes.health ?? report.health,
        healthReason:
          changes.healthReason !== undefined
            ? changes.healthReason
            : healthChanged
              ? null
              : report.healthReason,
        summary: changes.summary ?? report.summary,
        highlights: changes.highlights ?? report.highlights,
        lowlights: changes.lowlights ?? report.lowlights,
        asks: changes.asks ?? report.asks,
      };
      const violation = overrideViolation({ ...merged, suggestedHealth: report.suggestedHealth });
      if (violation) throw violation;
      await updateReport(manager, scope, id, merged);
      await recordAuditEvent(manager, {
        workspaceId: scope.workspaceId,
        actor,
        action: 'status-report.updated',
        target: { type: 'status-report', id },
        details: {
          programId: scope.programId,
          week: report.week,
          changed: Object.keys(changes),
          health: merged.health,
        },
      });
      return toReportResponse(await findReport(manager, scope, id));
    });
  }

  /**
   * Takes a fresh snapshot for a draft and keeps its words. A health the TPM chose over the
   * suggestion stays; otherwise the health follows the new suggestion.
   */
  async regenerate(
    scope: ProgramScope,
    actor: Actor,
    id: string,
    { version }: PublishStatusReportRequest,
  ): Promise<StatusReportResponse> {
    return this.repeatableRead(async (manager) => {
      const report = await lockedReport(manager, scope, id);
      assertDraft(report);
      if (version !== undefined && report.version !== version) {
        throw staleVersion('report', report.version, version);
      }
      const program = await findProgram(manager, scope.workspaceId, scope.programId);
      const compared = await lastPublishedBefore(
        manager,
        { workspaceId: program.workspaceId, programId: program.id },
        report.week,
      );
      const snapshot = await this.generator.snapshot(
        manager,
        await programFacts(manager, program),
        reportWeek(report.week),
        compared,
      );
      const overridden = report.health !== report.suggestedHealth;
      await updateReport(manager, scope, id, {
        snapshot,
        suggestedHealth: snapshot.suggestedHealth,
        health: overridden ? report.health : snapshot.suggestedHealth,
        generatedAt: new Date(snapshot.generatedAt),
      });
      await recordAuditEvent(manager, {
        workspaceId: scope.workspaceId,
        actor,
        action: 'status-report.regenerated',
        target: { type: 'status-report', id },
        details: {
          programId: scope.programId,
          week: report.week,
          suggestedHealth: snapshot.suggestedHealth,
        },
      });
      return toReportResponse(await findReport(manager, scope, id));
    });
  }

  /**
   * Publishes a draft: from now on it never changes. The program takes the report's health,
   * unless a later week's report is published already.
   */
  async publish(
    scope: ProgramScope,
    actor: Actor,
    id: string,
    { version }: PublishStatusReportRequest,
  ): Promise<StatusReportResponse> {
    return this.dataSource.transaction(async (manager) => {
      // The program first, then the report (edits and regeneration lock only the report): two
      // weeks of one program published at the same moment go one after the other, so the later
      // one sees the other's report — in `hasPublishedAfter` below, and as its comparison.
      await lockProgram(manager, scope.workspaceId, scope.programId);
      const report = await lockedReport(manager, scope, id);
      assertDraft(report);
      if (version !== undefined && report.version !== version) {
        throw staleVersion('report', report.version, version);
      }
      const violation = overrideViolation(report);
      if (violation) throw violation;
      // Its changes say "since the last report": once frozen they must be against the report
      // that is the last one before its week now, not the one that was when it was generated.
      const compared = await lastPublishedBefore(manager, scope, report.week);
      if ((compared?.id ?? null) !== (report.snapshot.comparedTo?.reportId ?? null)) {
        throw staleComparison(report, compared);
      }
      await updateReport(manager, scope, id, {
        state: 'published',
        publishedAt: this.clock.now(),
        publishedByUserId: actor.userId,
      });
      if (!(await hasPublishedAfter(manager, scope, report.week))) {
        await updateProgram(manager, scope.workspaceId, scope.programId, {
          health: report.health,
          healthReason: programHealthReason(report),
        });
      }
      await recordAuditEvent(manager, {
        workspaceId: scope.workspaceId,
        actor,
        action: 'status-report.published',
        target: { type: 'status-report', id },
        details: { programId: scope.programId, week: report.week, health: report.health },
      });
      const published = toReportResponse(await findReport(manager, scope, id));
      const program = await findProgram(manager, scope.workspaceId, scope.programId);
      await publishReportPublished(manager, scope.workspaceId, published, program.ownerUserId);
      return published;
    });
  }

  /** The report as Markdown for one audience, with a file name for downloads. */
  async markdown(
    scope: ProgramScope,
    id: string,
    audience: ReportAudience,
  ): Promise<{ fileName: string; text: string }> {
    const manager = this.dataSource.manager;
    const program = await findProgram(manager, scope.workspaceId, scope.programId);
    const report = toReportResponse(await findReport(manager, scope, id));
    const slug = program.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    return {
      fileName: `${slug || 'program'}-${report.week}-${audience}.md`,
      text: renderReportMarkdown(report, audience),
    };
  }

  /**
   * `work` in a repeatable-read transaction (every section of a snapshot sees the same data),
   * run once more when it lost a race (40001): its snapshot was taken before another transaction
   * changed the draft it then locked — a publish, an edit or another regeneration committed
   * while it waited for the lock. The second run takes a fresh snapshot, so it sees that change
   * and answers as if it had come after it (409 `report-published` or `stale-version`, or the
   * regeneration of the edited draft). Losing twice is a 409 too, never a 500.
   */
  private async repeatableRead<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction('REPEATABLE READ', work);
      } catch (error) {
        if (!isSerializationFailure(error)) throw error;
        if (attempt >= 2) {
          throw ProblemException.conflict(
            'concurrent-change',
            'The report was changed by someone else at the same moment: reload it and try again.',
          );
        }
      }
    }
  }

  /** The health of the program's last `limit` published reports, oldest week first. */
  async timeline(
    { workspaceId, programId }: ProgramScope,
    { limit }: HealthTimelineQuery,
  ): Promise<HealthTimeline> {
    const manager = this.dataSource.manager;
    await findProgram(manager, workspaceId, programId);
    const reports = await lastPublishedReports(manager, { workspaceId, programId }, limit);
    return {
      programId,
      points: reports.map((report) => ({
        reportId: report.id,
        week: report.week,
        health: report.health,
        healthReason: report.healthReason,
        suggestedHealth: report.suggestedHealth,
        watermelon: isWatermelon(report.health, report),
        publishedAt: report.publishedAt.toISOString(),
      })),
    };
  }
}

async function lockedReport(
  manager: EntityManager,
  scope: ProgramScope,
  id: string,
): Promise<StatusReport> {
  await lockProgramRecord(manager, 'status_report', { ...scope, id });
  return findReport(manager, scope, id);
}

/** 409 `stale-comparison`: the draft compares with a report that is no longer the last one. */
function staleComparison(report: StatusReport, compared: StatusReport | null): ProblemException {
  const comparedTo = report.snapshot.comparedTo;
  const was = comparedTo ? `the report of the week of ${comparedTo.week}` : 'no earlier report';
  const now = compared ? `the report of the week of ${compared.week}` : 'none';
  return ProblemException.conflict(
    'stale-comparison',
    `This draft's changes are measured against ${was}, but the last published report before the week of ${report.week} is now ${now}: regenerate its numbers, then publish.`,
  );
}

function reportExists(week: string): ProblemException {
  return ProblemException.conflict(
    'report-exists',
    `This program has a report for the week of ${week} already: open it, or regenerate its draft.`,
  );
}

/** The program's reason: the TPM's, else the at-risk reasons the data gave. */
function programHealthReason(report: StatusReport): string | null {
  if (report.healthReason) return report.healthReason;
  const reasons = report.snapshot.healthReasons
    .filter(({ severity }) => severity === 'at-risk')
    .map(({ message }) => message);
  if (reasons.length === 0) return null;
  return `Report of the week of ${report.week}: ${reasons.join(' ')}`.slice(0, 2000);
}
