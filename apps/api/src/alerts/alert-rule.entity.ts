import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import type { z } from 'zod';
import type { alertSeveritySchema, alertTriggerOperatorSchema } from '@bearing/contracts';
import { Workspace } from '../workspaces/workspace.entity.js';

/** A query on a schedule with a trigger: when its result matches, an alert fires (SIEM-style). */
@Entity({ name: 'alert_rule' })
@Index('IDX_alert_rule_next_run_at', ['nextRunAt'])
@Index('IDX_alert_rule_workspace_id_name', ['workspaceId', 'name'])
@Check('CHK_alert_rule_trigger_op', `"trigger_op" IN ('>', '>=', '<', '<=', '==', '!=')`)
@Check('CHK_alert_rule_severity', `"severity" IN ('low', 'medium', 'high')`)
export class AlertRule {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_alert_rule' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_alert_rule_workspace' })
  workspace?: Workspace;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'text' })
  query!: string;

  @Column({ name: 'every_minutes', type: 'integer' })
  everyMinutes!: number;

  @Column({ name: 'lookback_minutes', type: 'integer' })
  lookbackMinutes!: number;

  @Column({ name: 'trigger_column', type: 'varchar', length: 128, nullable: true })
  triggerColumn!: string | null;

  @Column({ name: 'trigger_op', type: 'varchar', length: 2 })
  triggerOp!: z.infer<typeof alertTriggerOperatorSchema>;

  @Column({ name: 'trigger_threshold', type: 'double precision' })
  triggerThreshold!: number;

  @Column({ type: 'varchar', length: 8 })
  severity!: z.infer<typeof alertSeveritySchema>;

  @Column({ name: 'suppress_minutes', type: 'integer' })
  suppressMinutes!: number;

  @Column({ name: 'group_by', type: 'varchar', length: 128, nullable: true })
  groupBy!: string | null;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  /** When the scheduler runs it next; null while disabled. */
  @Column({ name: 'next_run_at', type: 'timestamptz', precision: 3, nullable: true })
  nextRunAt!: Date | null;

  @Column({ name: 'last_run_at', type: 'timestamptz', precision: 3, nullable: true })
  lastRunAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  /** Optimistic concurrency: an edit carrying a stale version is refused with 409. */
  @VersionColumn()
  version!: number;
}
