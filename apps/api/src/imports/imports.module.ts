import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { WorkerPool } from '../common/worker-pool/worker-pool.js';
import { ImportJobsController } from './import-jobs.controller.js';
import { ImportJobsService } from './import-jobs.service.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';
import { readWhileReceivingOn } from './read-ahead.js';
import { TemporaryFileStorage } from './upload-storage.js';

@Module({
  imports: [
    // The upload route's storage: a temporary file, read on the worker pool as it arrives.
    MulterModule.registerAsync({
      inject: [WorkerPool],
      useFactory: (workers: WorkerPool) => ({
        storage: new TemporaryFileStorage(readWhileReceivingOn(workers)),
      }),
    }),
  ],
  controllers: [ImportsController, ImportJobsController],
  providers: [ImportsService, ImportJobsService],
})
export class ImportsModule {}
