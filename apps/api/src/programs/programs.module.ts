import { Module } from '@nestjs/common';
import { DependenciesController } from './dependencies/dependencies.controller.js';
import { DependenciesService } from './dependencies/dependencies.service.js';
import { LinkedRecordsModule } from './linked-records.module.js';
import { ProgramLinksModule } from './program-links.module.js';
import { MilestonesController } from './milestones/milestones.controller.js';
import { MilestonesService } from './milestones/milestones.service.js';
import { ProgramQueryRows } from './program-query-rows.service.js';
import { ProgramsController } from './programs.controller.js';
import { ProgramsService } from './programs.service.js';
import { RaidController } from './raid/raid.controller.js';
import { RaidService } from './raid/raid.service.js';

/**
 * Programs and what a TPM tracks for each: milestones against their baseline, the RAID log and
 * cross-team dependencies. A program's read model carries the health its data suggests, from
 * the status reports' generator: `PROGRAM_HEALTH`, provided by the global
 * `ReportGenerationModule` (status reports are built on programs, so programs do not import it).
 */
@Module({
  imports: [LinkedRecordsModule, ProgramLinksModule],
  controllers: [ProgramsController, MilestonesController, RaidController, DependenciesController],
  providers: [
    ProgramsService,
    MilestonesService,
    RaidService,
    DependenciesService,
    ProgramQueryRows,
  ],
  // The query language's program tables.
  exports: [ProgramQueryRows],
})
export class ProgramsModule {}
