import { Global, Module } from '@nestjs/common';
import { WorkerPool } from './worker-pool.js';

/** Makes the one `WorkerPool` available to every feature module. */
@Global()
@Module({ providers: [WorkerPool], exports: [WorkerPool] })
export class WorkerPoolModule {}
