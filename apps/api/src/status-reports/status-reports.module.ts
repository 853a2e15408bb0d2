import { Module } from '@nestjs/common';
import { ReportGenerationModule } from './report-generation.module.js';
import { StatusReportsController } from './status-reports.controller.js';
import { StatusReportsService } from './status-reports.service.js';

/**
 * Weekly status reports: generated drafts, edits, publishing (frozen), history and exports. The
 * snapshot's sections and their collectors are in `ReportGenerationModule`.
 */
@Module({
  imports: [ReportGenerationModule],
  controllers: [StatusReportsController],
  providers: [StatusReportsService],
})
export class StatusReportsModule {}
