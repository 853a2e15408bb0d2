import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { FollowSubjectType } from '@bearing/contracts';

/** A user follows a program, metric, guardrail or team of a workspace: its events reach them. */
@Entity({ name: 'follow' })
@Index('IDX_follow_user_id_workspace_id', ['userId', 'workspaceId'])
@Check('CHK_follow_subject_type', `"subject_type" IN ('program', 'metric', 'guardrail', 'team')`)
export class Follow {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid', primaryKeyConstraintName: 'PK_follow' })
  @ForeignKey('Workspace', { name: 'FK_follow_workspace', onDelete: 'CASCADE' })
  workspaceId!: string;

  @PrimaryColumn({
    name: 'subject_type',
    type: 'varchar',
    length: 16,
    primaryKeyConstraintName: 'PK_follow',
  })
  subjectType!: FollowSubjectType;

  @PrimaryColumn({ name: 'subject_id', type: 'uuid', primaryKeyConstraintName: 'PK_follow' })
  subjectId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'PK_follow' })
  @ForeignKey('User', { name: 'FK_follow_user', onDelete: 'CASCADE' })
  userId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  /** A follow the owner got automatically; kept apart only for the record. */
  @Column({ type: 'boolean', default: false })
  automatic!: boolean;
}
