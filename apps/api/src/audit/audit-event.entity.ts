import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { AuditAction } from '@bearing/contracts';

/**
 * One write in a workspace (or the instance): who, what, when, through which request. Never
 * updated.
 *
 * The workspace, actor and token are plain id columns whose foreign keys name their entity (no
 * relations): the features that write events import the audit log, so it imports none of them.
 * The log names its actors through the accounts' repository.
 */
@Entity({ name: 'audit_event' })
@Index('IDX_audit_event_workspace_id_created_at_id', ['workspaceId', 'createdAt', 'id'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_audit_event' })
  id!: string;

  /** Null for events of the instance rather than a workspace: sign-in, accounts, settings. */
  @Column({ name: 'workspace_id', type: 'uuid', nullable: true })
  @ForeignKey('Workspace', { name: 'FK_audit_event_workspace', onDelete: 'CASCADE' })
  workspaceId!: string | null;

  /** Null only for an event nobody can be named for: a refused single sign-on. */
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  @ForeignKey('User', { name: 'FK_audit_event_actor_user' })
  actorUserId!: string | null;

  @Column({ name: 'actor_token_id', type: 'uuid', nullable: true })
  @ForeignKey('ApiToken', { name: 'FK_audit_event_actor_token', onDelete: 'SET NULL' })
  actorTokenId!: string | null;

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
