import { Module } from '@nestjs/common';
import { DependenciesController } from './dependencies/dependencies.controller.js';
import { DependenciesService } from './dependencies/dependencies.service.js';
import { LinkedRecords } from './linked-records.js';
import { MilestonesController } from './milestones/milestones.controller.js';
import { MilestonesService } from './milestones/milestones.service.js';
import { ProgramsController } from './programs.controller.js';
import { ProgramsService } from './programs.service.js';
import { RaidController } from './raid/raid.controller.js';
import { RaidService } from './raid/raid.service.js';
import { TableLinkedRecords } from './table-linked-records.js';

/**
 * Programs and what a TPM tracks for each: milestones against their baseline, the RAID log and
 * cross-team dependencies. `LinkedRecords` is exported for status reports.
 */
@Module({
  controllers: [ProgramsController, MilestonesController, RaidController, DependenciesController],
  providers: [
    ProgramsService,
    MilestonesService,
    RaidService,
    DependenciesService,
    { provide: LinkedRecords, useClass: TableLinkedRecords },
  ],
  exports: [LinkedRecords],
})
export class ProgramsModule {}
