import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { AuditAction } from '@bearing/contracts';
import { User } from '../accounts/user.entity.js';
import { ApiToken } from '../tokens/api-token.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';

/** One write in a workspace: who, what, when, through which request. Never updated. */
@Entity({ name: 'audit_event' })
@Index('IDX_audit_event_workspace_id_created_at_id', ['workspaceId', 'createdAt', 'id'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_audit_event' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_audit_event_workspace' })
  workspace?: Workspace;

  @Column({ name: 'actor_user_id', type: 'uuid' })
  actorUserId!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'actor_user_id', foreignKeyConstraintName: 'FK_audit_event_actor_user' })
  actorUser?: User;

  @Column({ name: 'actor_token_id', type: 'uuid', nullable: true })
  actorTokenId!: string | null;

  @ManyToOne(() => ApiToken, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_token_id', foreignKeyConstraintName: 'FK_audit_event_actor_token' })
  actorToken?: ApiToken;

  @Column({ type: 'varchar', length: 64 })
  action!: AuditAction;

  @Column({ name: 'target_type', type: 'varchar', length: 32 })
  targetType!: string;

  @Column({ name: 'target_id', type: 'uuid', nullable: true })
  targetId!: string | null;

  /**
   * The target in words as it was named when the event was recorded, e.g. "Team · Platform".
   * Null for events recorded before labels existed whose target could not be found any more.
   */
  @Column({ name: 'target_label', type: 'varchar', length: 300, nullable: true })
  targetLabel!: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 100, nullable: true })
  requestId!: string | null;

  /** Millisecond precision: the log pages by (created_at, id), and JavaScript dates hold ms. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  details!: Record<string, unknown>;
}
