import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { deleteEndedSessions } from '../auth/sessions.repository.js';
import { deleteUploadsOfEndedImports } from '../imports/import-upload.repository.js';
import { deleteCountersOlderThan } from '../rate-limit/rate-limit.repository.js';
import { JobQueue } from './job-queue.js';

export const HOUSEKEEPING = 'housekeeping';

/**
 * Rate-limit windows are at most an hour (token creation); a counter older than that would be
 * reset by its next hit anyway, so deleting it changes no decision.
 */
const LONGEST_RATE_LIMIT_WINDOW_SECONDS = 60 * 60;

export type HousekeepingResult = { sessions: number; rateLimits: number; uploads: number };

/**
 * Every minute, once per cluster: deletes ended sessions (expired, idle too long or signed
 * out), rate-limit counters whose window is over, and the uploads of imports that have ended
 * without taking theirs along (one failed as stale after its worker died). The rows only ever
 * grow otherwise.
 */
@Injectable()
export class Housekeeping implements OnModuleInit {
  private readonly logger = new Logger(Housekeeping.name);

  constructor(
    private readonly queue: JobQueue,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.queue.register(HOUSEKEEPING, () => this.run().then(() => undefined), {
      cron: '* * * * *',
      retries: 0,
      timeoutSeconds: 55,
    });
  }

  async run(): Promise<HousekeepingResult> {
    const manager = this.dataSource.manager;
    const sessions = await deleteEndedSessions(manager);
    const rateLimits = await deleteCountersOlderThan(manager, LONGEST_RATE_LIMIT_WINDOW_SECONDS);
    const uploads = await deleteUploadsOfEndedImports(manager);
    if (sessions + rateLimits + uploads > 0) {
      this.logger.log(
        `Housekeeping removed ${sessions} ended session(s), ${rateLimits} counter(s), ${uploads} upload(s) of ended imports.`,
      );
    }
    return { sessions, rateLimits, uploads };
  }
}
