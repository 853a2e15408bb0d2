import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A fixed-window counter, e.g. failed sign-ins for one email. Kept in Postgres rather than in
 * memory so that every API process behind a load balancer counts against the same limit.
 */
@Entity({ name: 'rate_limit' })
export class RateLimitCounter {
  /** What is counted, e.g. `sign-in:ip:203.0.113.7`. */
  @PrimaryColumn({ type: 'varchar', length: 300, primaryKeyConstraintName: 'PK_rate_limit' })
  key!: string;

  @Column({ name: 'window_started_at', type: 'timestamptz' })
  windowStartedAt!: Date;

  @Column({ type: 'integer' })
  hits!: number;
}
