import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { MetricCategory, MetricDirection } from '@bearing/contracts';
import { Workspace } from '../workspaces/workspace.entity.js';

/** A KPI: what is measured, in which unit, and which way is good. Points hang off it. */
@Entity({ name: 'metric' })
@Unique('UQ_metric_workspace_id_key', ['workspaceId', 'key'])
@Check(
  'CHK_metric_category',
  `"category" IN ('adoption', 'usage', 'business-impact', 'technical-health', 'delivery')`,
)
@Check('CHK_metric_direction', `"direction" IN ('increase-is-good', 'decrease-is-good')`)
export class Metric {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_metric' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_metric_workspace' })
  workspace?: Workspace;

  /** What pushers and CSV files name the metric by; unique in the workspace, never changed. */
  @Column({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 32, default: '' })
  unit!: string;

  @Column({ type: 'varchar', length: 32 })
  category!: MetricCategory;

  @Column({ type: 'varchar', length: 16 })
  direction!: MetricDirection;

  @Column({ type: 'text', default: '' })
  description!: string;

  /** Retired: out of the metrics list and KPI tiles, and refusing new points; reversible. */
  @Column({ type: 'boolean', default: false })
  archived!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Optimistic concurrency: an edit carrying a stale version is refused with 409. */
  @VersionColumn()
  version!: number;
}
