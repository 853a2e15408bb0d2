import { Module } from '@nestjs/common';
import { ReportGenerationModule } from '../status-reports/report-generation.module.js';
import { DependenciesController } from './dependencies/dependencies.controller.js';
import { DependenciesService } from './dependencies/dependencies.service.js';
import { LinkedRecordsModule } from './linked-records.module.js';
import { MilestonesController } from './milestones/milestones.controller.js';
import { MilestonesService } from './milestones/milestones.service.js';
import { ProgramsController } from './programs.controller.js';
import { ProgramsService } from './programs.service.js';
import { RaidController } from './raid/raid.controller.js';
import { RaidService } from './raid/raid.service.js';

/**
 * Programs and what a TPM tracks for each: milestones against their baseline, the RAID log and
 * cross-team dependencies. A program's read model carries the health its data suggests, from
 * the status reports' generator (`ReportGenerationModule`).
 */
@Module({
  imports: [LinkedRecordsModule, ReportGenerationModule],
  controllers: [ProgramsController, MilestonesController, RaidController, DependenciesController],
  providers: [ProgramsService, MilestonesService, RaidService, DependenciesService],
})
export class ProgramsModule {}
