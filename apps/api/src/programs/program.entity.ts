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
import type { ProgramHealth } from '@bearing/contracts';
import { User } from '../accounts/user.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';

/**
 * A program a TPM runs: owner, dates and health with its reason. Its teams, objectives and
 * guardrails are in the `program_*` link tables; milestones, RAID items, dependencies and status
 * reports hang off it.
 */
@Entity({ name: 'program' })
@Index('IDX_program_workspace_id_created_at_id', ['workspaceId', 'createdAt', 'id'])
@Index('IDX_program_owner_user_id', ['ownerUserId'])
@Check('CHK_program_health', `"health" IN ('on-track', 'at-risk', 'off-track')`)
@Check('CHK_program_end_not_before_start', `"end" IS NULL OR "end" >= "start"`)
export class Program {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_program' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_program_workspace' })
  workspace?: Workspace;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'owner_user_id', type: 'uuid' })
  ownerUserId!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'owner_user_id', foreignKeyConstraintName: 'FK_program_owner_user' })
  owner?: User;

  /** First day, `YYYY-MM-DD`. */
  @Column({ type: 'date' })
  start!: string;

  /** Last day (inclusive), or `null` while open-ended. */
  @Column({ type: 'date', nullable: true })
  end!: string | null;

  @Column({ type: 'varchar', length: 16 })
  health!: ProgramHealth;

  @Column({ name: 'health_reason', type: 'text', nullable: true })
  healthReason!: string | null;

  /** Millisecond precision: lists page by (created_at, id), and JavaScript dates hold ms. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Optimistic concurrency: an edit carrying a stale version is refused with 409. */
  @VersionColumn()
  version!: number;
}
