import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Housekeeping } from './housekeeping.service.js';
import { JOBS_OPTIONS, JobQueue, type JobsOptions } from './job-queue.service.js';
import { JobsController } from './jobs.controller.js';
import { JobsService } from './jobs.service.js';
import { Scheduler } from './scheduler.js';

/** The minute scheduler, for features that register due work (`Scheduler.register`). */
export { Scheduler, type DueWork } from './scheduler.js';

/**
 * The job queue, the minute scheduler and housekeeping (features add their sweeps to it), for
 * every feature module.
 */
@Global()
@Module({})
export class JobsModule {
  static forRoot(options: JobsOptions): DynamicModule {
    return {
      module: JobsModule,
      controllers: [JobsController],
      providers: [
        { provide: JOBS_OPTIONS, useValue: options },
        JobQueue,
        Scheduler,
        Housekeeping,
        JobsService,
      ],
      exports: [JobQueue, Scheduler, Housekeeping],
    };
  }
}
