import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { NotificationEvent as NotificationEventName } from '@bearing/contracts';

/** Who an event is for, as its producer said (see `OutboxEventInput` in outbox.repository.ts). */
export type EventAudience = {
  users?: string[];
  followersOf?: { type: 'program' | 'metric' | 'guardrail' | 'team'; id: string }[];
  editorsOnly?: boolean;
  alertChannels?: boolean;
  workspaceAdmins?: boolean;
  adminsWhenNobody?: boolean;
};

/**
 * The outbox: one row per event, written in the transaction of the change that caused it and
 * never updated afterwards except to mark it expanded into deliveries (or count a failed expansion). Publishing the same
 * `(workspace, dedupe key)` again is a no-op, so producers may publish idempotently.
 */
@Entity({ name: 'notification_event' })
@Unique('UQ_notification_event_workspace_dedupe_key', ['workspaceId', 'dedupeKey'])
@Index('IDX_notification_event_expanded_at', ['expandedAt'])
export class NotificationEventRow {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_notification_event' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey('Workspace', { name: 'FK_notification_event_workspace', onDelete: 'CASCADE' })
  workspaceId!: string;

  @Column({ type: 'varchar', length: 32 })
  event!: NotificationEventName;

  @Column({ name: 'subject_type', type: 'varchar', length: 32 })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 100 })
  subjectId!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  /** Per-audience renderings (executive, stakeholder, team) of the body, when they differ. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  bodies!: Partial<Record<'executive' | 'stakeholder' | 'team', string>>;

  /** The web path of the thing; links are `BEARING_PUBLIC_URL` + path. */
  @Column({ type: 'varchar', length: 1000 })
  path!: string;

  @Column({ type: 'jsonb' })
  audience!: EventAudience;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 300 })
  dedupeKey!: string;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  data!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  /** Failed attempts to expand it; after five it is given up (marked expanded). */
  @Column({ name: 'expand_attempts', type: 'integer', default: 0 })
  expandAttempts!: number;

  /** When the event was expanded into deliveries; null while it waits in the outbox. */
  @Column({ name: 'expanded_at', type: 'timestamptz', nullable: true })
  expandedAt!: Date | null;
}
