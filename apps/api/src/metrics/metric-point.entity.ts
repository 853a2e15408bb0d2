import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Metric } from './metric.entity.js';

/**
 * One value of a metric at one moment. The primary key (metric, timestamp) is the "one value
 * per metric and timestamp" rule: uploads upsert on it, and series read it in order.
 */
@Entity({ name: 'metric_point' })
export class MetricPoint {
  @PrimaryColumn({ name: 'metric_id', type: 'uuid', primaryKeyConstraintName: 'PK_metric_point' })
  metricId!: string;

  @ManyToOne(() => Metric, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'metric_id', foreignKeyConstraintName: 'FK_metric_point_metric' })
  metric?: Metric;

  /** Millisecond precision, as JavaScript dates and the API's timestamps hold. */
  @PrimaryColumn({
    type: 'timestamptz',
    precision: 3,
    primaryKeyConstraintName: 'PK_metric_point',
  })
  timestamp!: Date;

  @Column({ type: 'double precision' })
  value!: number;
}
