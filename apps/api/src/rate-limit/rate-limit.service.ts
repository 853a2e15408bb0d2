import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProblemException } from '../common/problem/problem.js';

export type RateLimit = {
  /** At most this many hits per window; the next one is refused. */
  limit: number;
  windowSeconds: number;
};

type CounterRow = { hits: number; retry_after: number };

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
    const rows: CounterRow[] = await this.dataSource.query(
      `INSERT INTO rate_limit AS counter (key, window_started_at, hits)
       VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN counter.window_started_at <= now() - make_interval(secs => $2)
                     THEN 1 ELSE counter.hits + 1 END,
         window_started_at = CASE WHEN counter.window_started_at <= now() - make_interval(secs => $2)
                                  THEN now() ELSE counter.window_started_at END
       RETURNING hits,
         extract(epoch FROM window_started_at + make_interval(secs => $2) - now())::float8
           AS retry_after`,
      [key, windowSeconds],
    );
    const counter = rows[0];
    if (counter && counter.hits > limit) {
      throw ProblemException.tooManyRequests(counter.retry_after, detail);
    }
  }

  /** Takes back one hit, e.g. when an attempt turned out to be a success. */
  async refund(key: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE rate_limit SET hits = GREATEST(hits - 1, 0) WHERE key = $1`,
      [key],
    );
  }
}
