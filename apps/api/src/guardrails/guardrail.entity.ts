import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { GuardrailStatus } from '@bearing/contracts';
import { Metric } from '../metrics/metric.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';

/**
 * A metric that must not deteriorate past a threshold. `status` is the last evaluation, kept so
 * that a change of status can be noticed (and recorded) whenever points arrive or it is edited.
 */
@Entity({ name: 'guardrail' })
@Index('IDX_guardrail_workspace_id_created_at_id', ['workspaceId', 'createdAt', 'id'])
@Index('IDX_guardrail_metric_id', ['metricId'])
@Check('CHK_guardrail_threshold_type', `"threshold_type" IN ('absolute', 'relative')`)
@Check('CHK_guardrail_threshold_value', `"threshold_value" >= 0`)
@Check('CHK_guardrail_warn_at', `"warn_at" >= 0 AND "warn_at" <= 1`)
@Check('CHK_guardrail_status', `"status" IN ('ok', 'warning', 'breached')`)
export class Guardrail {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_guardrail' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_guardrail_workspace' })
  workspace?: Workspace;

  @Column({ name: 'metric_id', type: 'uuid' })
  metricId!: string;

  @ManyToOne(() => Metric, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'metric_id', foreignKeyConstraintName: 'FK_guardrail_metric' })
  metric?: Metric;

  @Column({ type: 'double precision' })
  baseline!: number;

  @Column({ name: 'threshold_type', type: 'varchar', length: 16 })
  thresholdType!: 'absolute' | 'relative';

  @Column({ name: 'threshold_value', type: 'double precision' })
  thresholdValue!: number;

  /** Share of the margin at which to warn; `null` leaves `evaluateGuardrail`'s default (0.8). */
  @Column({ name: 'warn_at', type: 'double precision', nullable: true })
  warnAt!: number | null;

  /** Status at the last evaluation; `null` while the metric has no point. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  status!: GuardrailStatus | null;

  /** Millisecond precision: lists page by (created_at, id), and JavaScript dates hold ms. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Optimistic concurrency: an edit carrying a stale version is refused with 409. */
  @VersionColumn()
  version!: number;
}
