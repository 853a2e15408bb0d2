import { Module } from '@nestjs/common';
import { DeliveryModule } from '../delivery/delivery.module.js';
import { OkrsModule } from '../okrs/okrs.module.js';
import { ProgramsModule } from '../programs/programs.module.js';
import { ComputedRows } from './catalog/computed-rows.service.js';
import { QueriesController } from './queries.controller.js';
import { QueriesService } from './queries.service.js';

/** The query language: run queries over the workspace's data; alert rules build on it. */
@Module({
  // Tables computed by the owning features' services (catalog/computed-rows.service.ts).
  imports: [DeliveryModule, ProgramsModule, OkrsModule],
  controllers: [QueriesController],
  providers: [QueriesService, ComputedRows],
  exports: [QueriesService],
})
export class QueriesModule {}
