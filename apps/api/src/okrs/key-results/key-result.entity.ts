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
import type { CheckInCadence, KeyResultKind } from '@bearing/contracts';
import { Metric } from '../../metrics/metric.entity.js';
import { Workspace } from '../../workspaces/workspace.entity.js';
import { Objective } from '../objectives/objective.entity.js';

/** How an objective is measured: a value to move from a baseline to a target, or a milestone. */
@Entity({ name: 'key_result' })
@Index('IDX_key_result_workspace_id_created_at_id', ['workspaceId', 'createdAt', 'id'])
@Index('IDX_key_result_objective_id', ['objectiveId'])
@Index('IDX_key_result_metric_id', ['metricId'])
@Check(
  'CHK_key_result_kind',
  `"kind" IN ('increase', 'decrease', 'stay-above', 'stay-below', 'milestone')`,
)
@Check('CHK_key_result_cadence', `"cadence" IN ('weekly', 'biweekly', 'monthly')`)
@Check('CHK_key_result_weight', `"weight" > 0`)
export class KeyResult {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_key_result' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_key_result_workspace' })
  workspace?: Workspace;

  @Column({ name: 'objective_id', type: 'uuid' })
  objectiveId!: string;

  @ManyToOne(() => Objective, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'objective_id', foreignKeyConstraintName: 'FK_key_result_objective' })
  objective?: Objective;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: KeyResultKind;

  @Column({ type: 'varchar', length: 32, default: '' })
  unit!: string;

  /** Where the value started; optional for stay-above / stay-below. */
  @Column({ type: 'double precision', nullable: true })
  baseline!: number | null;

  @Column({ type: 'double precision' })
  target!: number;

  @Column({ type: 'double precision', default: 1 })
  weight!: number;

  @Column({ type: 'varchar', length: 16 })
  cadence!: CheckInCadence;

  /** When set, the metric's latest point is the current value instead of the last check-in. */
  @Column({ name: 'metric_id', type: 'uuid', nullable: true })
  metricId!: string | null;

  @ManyToOne(() => Metric, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'metric_id', foreignKeyConstraintName: 'FK_key_result_metric' })
  metric?: Metric | null;

  /** Millisecond precision: lists page by (created_at, id), and JavaScript dates hold ms. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Optimistic concurrency: an edit carrying a stale version is refused with 409. */
  @VersionColumn()
  version!: number;
}
