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

/** One entry of a user's in-app inbox: at most one per (event, user). */
@Entity({ name: 'notification' })
@Unique('UQ_notification_event_id_user_id', ['eventId', 'userId'])
@Index('IDX_notification_user_id_created_at_id', ['userId', 'createdAt', 'id'])
export class Notification {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_notification' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  @ForeignKey('User', { name: 'FK_notification_user', onDelete: 'CASCADE' })
  userId!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey('Workspace', { name: 'FK_notification_workspace', onDelete: 'CASCADE' })
  workspaceId!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  @ForeignKey('NotificationEventRow', {
    name: 'FK_notification_notification_event',
    onDelete: 'CASCADE',
  })
  eventId!: string;

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

  @Column({ type: 'varchar', length: 1000 })
  path!: string;

  /** Millisecond precision: the inbox pages by (created_at, id). */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
