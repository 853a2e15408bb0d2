import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { NotificationChannelKind } from '@bearing/contracts';

/**
 * A workspace's channel for alert events: a Slack or Teams webhook, or an email address. The
 * address is sealed (SecretBox) and never leaves the server except to be used.
 */
@Entity({ name: 'notification_channel' })
@Index('IDX_notification_channel_workspace_id', ['workspaceId'])
@Check('CHK_notification_channel_kind', `"kind" IN ('email', 'slack', 'teams')`)
export class NotificationChannel {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_notification_channel' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey('Workspace', { name: 'FK_notification_channel_workspace', onDelete: 'CASCADE' })
  workspaceId!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: NotificationChannelKind;

  @Column({ name: 'sealed_url', type: 'text' })
  sealedUrl!: string;

  /** Set when the webhook answered 404/410; a new URL clears it. */
  @Column({ name: 'broken_at', type: 'timestamptz', nullable: true })
  brokenAt!: Date | null;

  @Column({ name: 'broken_reason', type: 'varchar', length: 300, nullable: true })
  brokenReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
