import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module.js';
import { DependenciesCollector } from './collectors/dependencies.collector.js';
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
  imports: [ProgramsModule],
  controllers: [StatusReportsController],
  providers: [
    StatusReportsService,
    ReportGenerator,
    MilestonesCollector,
    RaidCollector,
    DependenciesCollector,
    {
      provide: REPORT_SECTION_COLLECTORS,
      useFactory: (...wired: AnySectionCollector[]): AnySectionCollector[] => [
        ...wired,
        ...NOT_WIRED_COLLECTORS,
      ],
      inject: [MilestonesCollector, RaidCollector, DependenciesCollector],
    },
  ],
})
export class StatusReportsModule {}
