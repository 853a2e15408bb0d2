import { Module } from '@nestjs/common';
import { OkrsModule } from '../okrs/okrs.module.js';
import { ProgramsModule } from '../programs/programs.module.js';
import { CheckInsCollector } from './collectors/check-ins.collector.js';
import { DependenciesCollector } from './collectors/dependencies.collector.js';
import { GuardrailsCollector } from './collectors/guardrails.collector.js';
import { KeyResultsCollector } from './collectors/key-results.collector.js';
import { MilestonesCollector } from './collectors/milestones.collector.js';
import { RaidCollector } from './collectors/raid.collector.js';
import {
  type AnySectionCollector,
  REPORT_SECTION_COLLECTORS,
} from './collectors/report-section-collector.js';
import { SayDoCollector } from './collectors/say-do.collector.js';
import { ReportGenerator } from './report-generator.js';
import { StatusReportsController } from './status-reports.controller.js';
import { StatusReportsService } from './status-reports.service.js';

/**
 * Weekly status reports: generated drafts, edits, publishing (frozen), history and exports. Each
 * snapshot section comes from one collector provider listed here (exactly one per section).
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
    SayDoCollector,
    {
      provide: REPORT_SECTION_COLLECTORS,
      useFactory: (...collectors: AnySectionCollector[]): AnySectionCollector[] => collectors,
      inject: [
        KeyResultsCollector,
        GuardrailsCollector,
        MilestonesCollector,
        RaidCollector,
        DependenciesCollector,
        CheckInsCollector,
        SayDoCollector,
      ],
    },
  ],
})
export class StatusReportsModule {}
