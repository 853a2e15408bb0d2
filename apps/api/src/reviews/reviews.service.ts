import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_REVIEW_WEEKDAY,
  type ProgramReview,
  type ReviewListQuery,
  type ReviewOverview,
  type ReviewSettings,
  type UpdateReviewSettingsRequest,
} from '@bearing/contracts';
import { addDays, mondayOnOrBefore } from '@bearing/metrics';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/caller.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { ClockService } from '../common/clock/clock.service.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import type { Program } from '../programs/program.entity.js';
import { programsRunningPage } from '../programs/program.repository.js';
import type { ProgramHealthFacts } from '../programs/program-health.types.js';
import { ProgramHealthReadModel } from '../status-reports/program-health-read-model.service.js';
import { isWatermelon, reportWeek } from '../status-reports/status-reports.service.js';
import type { StatusReport } from '../status-reports/status-report.entity.js';
import { reportsOfWeek } from '../status-reports/status-report.repository.js';
import {
  lockReviewSetting,
  reviewSettingOf,
  writeReviewWeekday,
} from './review-setting.repository.js';
import { staleVersion } from '../common/problem/stale-version.js';

/** The weekly review of one workspace: its weekday, and which programs have their report. */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: ClockService,
    private readonly programHealth: ProgramHealthReadModel,
  ) {}

  async settings(workspaceId: string): Promise<ReviewSettings> {
    const setting = await reviewSettingOf(this.dataSource.manager, workspaceId);
    return setting
      ? { reviewWeekday: setting.reviewWeekday, version: setting.version }
      : { reviewWeekday: DEFAULT_REVIEW_WEEKDAY, version: 0 };
  }

  /** `version` 0 creates the settings; afterwards it must be the current version (409). */
  async updateSettings(
    workspaceId: string,
    actor: Actor,
    { reviewWeekday, version }: UpdateReviewSettingsRequest,
  ): Promise<ReviewSettings> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const current = await lockReviewSetting(manager, workspaceId);
        const currentVersion = current?.version ?? 0;
        if (currentVersion !== version)
          throw staleVersion('review settings', currentVersion, version);
        const from = current?.reviewWeekday ?? DEFAULT_REVIEW_WEEKDAY;
        const saved = await writeReviewWeekday(manager, workspaceId, reviewWeekday, !!current);
        await recordAuditEvent(manager, {
          workspaceId,
          actor,
          action: 'review-settings.updated',
          target: { type: 'workspace', id: workspaceId },
          details: { reviewWeekday: { from, to: reviewWeekday } },
        });
        return { reviewWeekday: saved.reviewWeekday, version: saved.version };
      });
    } catch (error) {
      // Two admins saving the first settings at once: one wins, the other is told to reload.
      if (isUniqueViolation(error)) throw staleVersion('review settings', 1, version);
      throw error;
    }
  }

  /**
   * Every program running during the week — started by its Sunday and not ended before its
   * Monday — oldest first, with the state of its report for the week.
   */
  async overview(
    workspaceId: string,
    { week: requestedWeek, limit, cursor }: ReviewListQuery,
  ): Promise<ReviewOverview> {
    const week = reportWeek(requestedWeek ?? mondayOnOrBefore(this.clock.today()));
    const { reviewWeekday } = await this.settings(workspaceId);
    const manager = this.dataSource.manager;
    const { rows: pagePrograms, nextCursor } = await programsRunningPage(
      manager,
      workspaceId,
      { from: week.start, to: week.end },
      { cursor, limit },
    );
    const reports = await reportsOfWeek(
      manager,
      workspaceId,
      week.start,
      pagePrograms.map(({ id }) => id),
    );
    const reportOf = new Map(reports.map((report) => [report.programId, report]));
    const health = await this.programHealth.of(this.dataSource.manager, workspaceId, pagePrograms);
    return {
      items: pagePrograms.map((program) =>
        toProgramReview(program, health.get(program.id), reportOf.get(program.id)),
      ),
      nextCursor,
      week: week.start,
      weekEnd: week.end,
      reviewWeekday,
      // Weekdays count from Sunday (0); the week from Monday.
      reviewDay: addDays(week.start, (reviewWeekday + 6) % 7),
    };
  }
}

function toProgramReview(
  program: Program,
  health: ProgramHealthFacts | undefined,
  report: StatusReport | undefined,
): ProgramReview {
  return {
    program: {
      id: program.id,
      name: program.name,
      ownerId: program.ownerUserId,
      health: program.health,
      healthReason: program.healthReason,
      watermelon: health?.watermelon ?? false,
      healthSuggestion: health?.healthSuggestion ?? null,
    },
    state: report?.state ?? 'missing',
    report: report
      ? {
          id: report.id,
          health: report.health,
          watermelon: isWatermelon(report.health, report.snapshot.sections),
          publishedAt: report.publishedAt?.toISOString() ?? null,
        }
      : null,
  };
}
