import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProblemException } from '../common/problem/problem.js';
import { countHit, currentHits, refundHit } from './rate-limit.repository.js';

export type RateLimit = {
  /** At most this many hits per window; the next one is refused. */
  limit: number;
  windowSeconds: number;
};

/**
 * Fixed-window counters in Postgres, shared by every API process. A hit is counted *before*
 * the guarded work runs, in one atomic upsert, so parallel requests cannot slip past the limit
 * between a check and an increment; work that should not count (a successful sign-in) is
 * handed back with `refund`.
 */
@Injectable()
export class RateLimitService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Counts one hit on `key`; throws a 429 problem with `Retry-After` once over the limit. */
  async hit(key: string, { limit, windowSeconds }: RateLimit, detail: string): Promise<void> {
    const counter = await countHit(this.dataSource.manager, key, windowSeconds);
    if (counter && counter.hits > limit) {
      throw ProblemException.tooManyRequests(counter.retry_after, detail);
    }
  }

  /**
   * Counts one hit on `key` without refusing anything, answering the window's hits so far: for
   * what should be slowed down rather than refused.
   */
  async count(key: string, windowSeconds: number): Promise<number> {
    return (await countHit(this.dataSource.manager, key, windowSeconds))?.hits ?? 1;
  }

  /** The hits on `key` in its current window, without counting one. */
  async peek(key: string, windowSeconds: number): Promise<number> {
    return currentHits(this.dataSource.manager, key, windowSeconds);
  }

  /** Takes back one hit, e.g. when an attempt turned out to be a success. */
  async refund(key: string): Promise<void> {
    await refundHit(this.dataSource.manager, key);
  }
}
