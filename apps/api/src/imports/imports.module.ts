import { Module } from '@nestjs/common';
import { ImportJobsController } from './import-jobs.controller.js';
import { ImportJobsService } from './import-jobs.service.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';

@Module({
  controllers: [ImportsController, ImportJobsController],
  providers: [ImportsService, ImportJobsService],
})
export class ImportsModule {}
