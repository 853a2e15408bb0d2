import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { deleteEndedMfaTickets } from '../auth/mfa/mfa.repository.js';
import { deleteEndedSessions } from '../auth/sessions.repository.js';
import { deleteCountersOlderThan } from '../rate-limit/rate-limit.repository.js';
import { JobQueue } from './job-queue.service.js';

export const HOUSEKEEPING = 'housekeeping';

/**
 * Rate-limit windows are at most an hour (token creation); a counter older than that would be
 * reset by its next hit anyway, so deleting it changes no decision.
 */
const LONGEST_RATE_LIMIT_WINDOW_SECONDS = 60 * 60;

/** Deletes rows a feature no longer needs; returns how many it deleted. */
export type HousekeepingSweep = (manager: EntityManager) => Promise<number>;

/** How many rows each sweep deleted: sessions, MFA tickets, rate-limit counters and the registered sweeps. */
export type HousekeepingResult = {
  sessions: number;
  mfaTickets: number;
  rateLimits: number;
} & Record<string, number>;

/**
 * Every minute, once per cluster: deletes ended sessions (expired, idle too long or signed
 * out), MFA sign-in tickets once used or expired, rate-limit counters whose window is over, and whatever the features registered a sweep
 * for (`addSweep`; imports: the uploads of imports that have ended without taking theirs along,
 * one failed as stale after its worker died). The rows only ever grow otherwise. Features
 * register their sweeps rather than housekeeping knowing them, so the jobs feature depends on
 * none of the features that use its queue.
 */
@Injectable()
export class Housekeeping implements OnModuleInit {
  private readonly logger = new Logger(Housekeeping.name);
  /** name (its key in the result) → what it deletes (in the log's words) and how */
  private readonly sweeps = new Map<string, { rows: string; sweep: HousekeepingSweep }>();

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

  /**
   * Adds a sweep to every run (call it before the application starts, e.g. in `onModuleInit`):
   * `name` keys its count in the result, `rows` names what it deletes in the log.
   */
  addSweep(name: string, rows: string, sweep: HousekeepingSweep): void {
    if (['sessions', 'mfaTickets', 'rateLimits'].includes(name) || this.sweeps.has(name)) {
      throw new Error(`housekeeping sweep ${name} is added twice`);
    }
    this.sweeps.set(name, { rows, sweep });
  }

  async run(): Promise<HousekeepingResult> {
    const manager = this.dataSource.manager;
    const sessions = await deleteEndedSessions(manager);
    const mfaTickets = await deleteEndedMfaTickets(manager);
    const rateLimits = await deleteCountersOlderThan(manager, LONGEST_RATE_LIMIT_WINDOW_SECONDS);
    const result: HousekeepingResult = { sessions, mfaTickets, rateLimits };
    let swept = '';
    for (const [name, { rows, sweep }] of this.sweeps) {
      const count = await sweep(manager);
      result[name] = count;
      swept += `, ${count} ${rows}`;
    }
    const removed = Object.values(result).reduce((sum, count) => sum + count, 0);
    if (removed > 0) {
      this.logger.log(
        `Housekeeping removed ${sessions} ended session(s), ${mfaTickets} MFA ticket(s), ${rateLimits} counter(s)${swept}.`,
      );
    }
    return result;
  }
}
