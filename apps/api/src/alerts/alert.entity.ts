import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { z } from 'zod';
import type { alertStateSchema, QueryResult } from '@bearing/contracts';
import { Workspace } from '../workspaces/workspace.entity.js';
import { AlertRule } from './alert-rule.entity.js';

/**
 * One alert of a rule for one group: `firing` → `acknowledged` → `resolved` (when a later run
 * no longer matches). At most one open alert per rule and group (partial unique index).
 */
@Entity({ name: 'alert' })
@Index('UQ_alert_open_rule_id_group_key', ['ruleId', 'groupKey'], {
  unique: true,
  where: `"state" <> 'resolved'`,
})
@Index('IDX_alert_rule_id_group_key_resolved_at', ['ruleId', 'groupKey', 'resolvedAt'])
@Index('IDX_alert_workspace_id_last_seen_at', ['workspaceId', 'lastSeenAt'])
@Check('CHK_alert_state', `"state" IN ('firing', 'acknowledged', 'resolved')`)
export class Alert {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_alert' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_alert_workspace' })
  workspace?: Workspace;

  @Column({ name: 'rule_id', type: 'uuid' })
  ruleId!: string;

  @ManyToOne(() => AlertRule, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'rule_id', foreignKeyConstraintName: 'FK_alert_rule' })
  rule?: AlertRule;

  /** The value of the rule's `groupBy` column; `''` without grouping. */
  @Column({ name: 'group_key', type: 'text' })
  groupKey!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: z.infer<typeof alertStateSchema>;

  @Column({ name: 'first_seen_at', type: 'timestamptz', precision: 3 })
  firstSeenAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz', precision: 3 })
  lastSeenAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', precision: 3, nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'jsonb' })
  rows!: Record<string, string | number | boolean | null>[];

  /** The answer's columns in the query's order (a jsonb object keeps no key order). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  columns!: QueryResult['columns'];
}
