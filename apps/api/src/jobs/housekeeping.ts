import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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
    // A DELETE answers [rows, count] through TypeORM's query().
    const [, sessions] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM session
        WHERE expires_at <= now() OR idle_expires_at <= now() OR revoked_at IS NOT NULL`,
    );
    const [, rateLimits] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM rate_limit WHERE window_started_at <= now() - make_interval(secs => $1)`,
      [LONGEST_RATE_LIMIT_WINDOW_SECONDS],
    );
    const [, uploads] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM import_upload upload USING import_job job
        WHERE job.id = upload.import_job_id AND job.status IN ('completed', 'failed')`,
    );
    if (sessions + rateLimits + uploads > 0) {
      this.logger.log(
        `Housekeeping removed ${sessions} ended session(s), ${rateLimits} counter(s), ${uploads} upload(s) of ended imports.`,
      );
    }
    return { sessions, rateLimits, uploads };
  }
}
