import { Injectable } from '@nestjs/common';
import type { HealthSuggestion } from '@bearing/contracts';
import { mondayOnOrBefore } from '@bearing/metrics';
import type { EntityManager } from 'typeorm';
import { ClockService } from '../common/clock/clock.service.js';
import type { ProgramHealthFacts, ProgramHealthSource } from '../programs/program-health.types.js';
import type { Program } from '../programs/program.entity.js';
import { isWatermelon } from './health-rules.js';
import { ReportGenerator } from './report-generator.js';
import { reportWeek } from './report-week.js';
import { latestPublishedReports, programFacts } from './status-report.repository.js';

/**
 * A program's health as every view shows it. With a published report, the program's health is
 * the report's (or an editor's later one), flagged when the latest report is a watermelon and
 * the program still says on-track. Without one, the stored health is only a default, so
 * the data's suggestion is given — taken by the same generator and collectors a draft of this
 * week uses, so the program page and the next draft never disagree.
 */
@Injectable()
export class ProgramHealthReadModel implements ProgramHealthSource {
  constructor(
    private readonly generator: ReportGenerator,
    private readonly clock: ClockService,
  ) {}

  async of(
    manager: EntityManager,
    workspaceId: string,
    programs: readonly Program[],
  ): Promise<Map<string, ProgramHealthFacts>> {
    const facts = new Map<string, ProgramHealthFacts>();
    if (programs.length === 0) return facts;
    const latest = await latestPublishedReports(
      manager,
      workspaceId,
      programs.map(({ id }) => id),
    );
    // One program after another: `manager` may be a transaction's, i.e. one connection.
    for (const program of programs) {
      const report = latest.get(program.id);
      facts.set(
        program.id,
        report
          ? {
              watermelon:
                program.health === report.health &&
                isWatermelon(report.health, report.snapshot.sections),
              healthSuggestion: null,
            }
          : { watermelon: false, healthSuggestion: await this.suggestion(manager, program) },
      );
    }
    return facts;
  }

  private async suggestion(manager: EntityManager, program: Program): Promise<HealthSuggestion> {
    const week = reportWeek(mondayOnOrBefore(this.clock.today()));
    const snapshot = await this.generator.snapshot(
      manager,
      await programFacts(manager, program),
      week,
      null,
    );
    return {
      health: snapshot.suggestedHealth,
      reasons: snapshot.healthReasons,
      asOf: snapshot.asOf,
    };
  }
}
