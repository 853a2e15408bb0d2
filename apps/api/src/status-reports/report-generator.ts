import { Inject, Injectable } from '@nestjs/common';
import {
  type HealthReason,
  type ReportSections,
  type ReportSnapshot,
  reportSectionKeySchema,
} from '@bearing/contracts';
import { suggestedHealth } from '@bearing/metrics';
import type { EntityManager } from 'typeorm';
import { ClockService } from '../common/clock/clock.service.js';
import {
  type AnySectionCollector,
  type ProgramFacts,
  REPORT_SECTION_COLLECTORS,
} from './collectors/report-section-collector.js';
import { classifyReason } from './health-rules.js';
import type { ReportWeek } from './report-week.js';
import type { StatusReport } from './status-report.entity.js';

/**
 * Takes a status report's snapshot: asks each section's collector for its data and reasons,
 * then suggests the health from all reasons (`suggestedHealth` of `@bearing/metrics`).
 */
@Injectable()
export class ReportGenerator {
  private readonly collectors: AnySectionCollector[];

  constructor(
    @Inject(REPORT_SECTION_COLLECTORS) collectors: readonly AnySectionCollector[],
    private readonly clock: ClockService,
  ) {
    // In the order the contract lists the sections, and exactly one collector for each.
    this.collectors = reportSectionKeySchema.options.map((section) => {
      const found = collectors.filter((collector) => collector.section === section);
      if (found.length !== 1 || !found[0]) {
        throw new Error(`status reports need exactly one collector for "${section}"`);
      }
      return found[0];
    });
  }

  /** `compared` is the program's last published report before this week (changes are vs it). */
  async snapshot(
    manager: EntityManager,
    program: ProgramFacts,
    week: ReportWeek,
    compared: StatusReport | null,
  ): Promise<ReportSnapshot> {
    const generatedAt = this.clock.now();
    const asOf = this.clock.today();
    const context = { manager, program, week, asOf, previous: compared?.snapshot ?? null };
    const sections: Partial<Record<string, unknown>> = {};
    const reasons: HealthReason[] = [];
    for (const collector of this.collectors) {
      const collected = await collector.collect(context);
      sections[collector.section] = collected.data;
      reasons.push(...collected.reasons.map((reason) => classifyReason(collector.section, reason)));
    }
    return {
      schemaVersion: 1,
      generatedAt: generatedAt.toISOString(),
      asOf,
      week: { start: week.start, end: week.end },
      program: { id: program.id, name: program.name, start: program.start, end: program.end },
      comparedTo: compared && {
        reportId: compared.id,
        week: compared.week,
        health: compared.health,
      },
      suggestedHealth: suggestedHealth(reasons),
      // At-risk reasons first, each group in section order.
      healthReasons: [
        ...reasons.filter(({ severity }) => severity === 'at-risk'),
        ...reasons.filter(({ severity }) => severity === 'watch'),
      ],
      sections: sections as ReportSections,
    };
  }
}
