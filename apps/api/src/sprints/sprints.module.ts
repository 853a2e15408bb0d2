import { Module } from '@nestjs/common';
import { AvailabilityService } from './availability.service.js';
import { SprintsController } from './sprints.controller.js';
import { SprintsService } from './sprints.service.js';

@Module({
  controllers: [SprintsController],
  providers: [SprintsService, AvailabilityService],
})
export class SprintsModule {}
