import { Module } from '@nestjs/common';
import { CheckInsController } from './check-ins/check-ins.controller.js';
import { CheckInsService } from './check-ins/check-ins.service.js';
import { KeyResultsController } from './key-results/key-results.controller.js';
import { KeyResultsService } from './key-results/key-results.service.js';
import { ObjectivesController } from './objectives/objectives.controller.js';
import { ObjectivesService } from './objectives/objectives.service.js';
import { OkrQueryRows } from './okr-query-rows.service.js';
import { OkrReadModel } from './okr-read-model.service.js';
import { PeriodsController } from './periods/periods.controller.js';
import { PeriodsService } from './periods/periods.service.js';

/** Objectives and key results: periods, the alignment tree, key results and check-ins. */
@Module({
  controllers: [PeriodsController, ObjectivesController, KeyResultsController, CheckInsController],
  providers: [
    PeriodsService,
    ObjectivesService,
    KeyResultsService,
    CheckInsService,
    OkrReadModel,
    OkrQueryRows,
  ],
  exports: [OkrReadModel, OkrQueryRows],
})
export class OkrsModule {}
