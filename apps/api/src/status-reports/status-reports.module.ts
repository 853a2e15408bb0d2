import { Module } from '@nestjs/common';
import { OkrsModule } from '../okrs/okrs.module.js';
import { ProgramsModule } from '../programs/programs.module.js';
import { CheckInsCollector } from './collectors/check-ins.collector.js';
import { DependenciesCollector } from './collectors/dependencies.collector.js';
import { GuardrailsCollector } from './collectors/guardrails.collector.js';
import { KeyResultsCollector } from './collectors/key-results.collector.js';
import { MilestonesCollector } from './collectors/milestones.collector.js';
import { NOT_WIRED_COLLECTORS } from './collectors/not-wired.collector.js';
import { RaidCollector } from './collectors/raid.collector.js';
import {
  type AnySectionCollector,
  REPORT_SECTION_COLLECTORS,
} from './collectors/report-section-collector.js';
import { ReportGenerator } from './report-generator.js';
import { StatusReportsController } from './status-reports.controller.js';
import { StatusReportsService } from './status-reports.service.js';

/**
 * Weekly status reports: generated drafts, edits, publishing (frozen), history and exports. Each
 * snapshot section comes from one collector; to wire a new source, replace its entry of
 * `NOT_WIRED_COLLECTORS` with a collector provider here.
 */
@Module({
  imports: [ProgramsModule, OkrsModule],
  controllers: [StatusReportsController],
  providers: [
    StatusReportsService,
    ReportGenerator,
    MilestonesCollector,
    RaidCollector,
    DependenciesCollector,
    KeyResultsCollector,
    GuardrailsCollector,
    CheckInsCollector,
    {
      provide: REPORT_SECTION_COLLECTORS,
      useFactory: (...wired: AnySectionCollector[]): AnySectionCollector[] => [
        ...wired,
        ...NOT_WIRED_COLLECTORS,
      ],
      inject: [
        KeyResultsCollector,
        GuardrailsCollector,
        MilestonesCollector,
        RaidCollector,
        DependenciesCollector,
        CheckInsCollector,
      ],
    },
  ],
})
export class StatusReportsModule {}
