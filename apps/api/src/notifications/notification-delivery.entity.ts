import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { DeliveryChannel, DeliveryState } from '@bearing/contracts';

/**
 * One event to one recipient (a user, or a workspace channel) on one channel. The dedupe key
 * `<event>:<recipient>:<channel>` is unique, so however many workers expand the same event the
 * delivery exists once; a worker claims it (`claimed_until`) before sending.
 */
@Entity({ name: 'notification_delivery' })
@Unique('UQ_notification_delivery_dedupe_key', ['dedupeKey'])
@Index('IDX_notification_delivery_workspace_id_created_at_id', ['workspaceId', 'createdAt', 'id'])
@Index('IDX_notification_delivery_state_next_attempt_at', ['state', 'nextAttemptAt'])
@Check('CHK_notification_delivery_channel', `"channel" IN ('inbox', 'email', 'slack', 'teams')`)
@Check('CHK_notification_delivery_state', `"state" IN ('pending', 'sent', 'retrying', 'dead')`)
export class NotificationDelivery {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_notification_delivery' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey('Workspace', { name: 'FK_notification_delivery_workspace', onDelete: 'CASCADE' })
  workspaceId!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  @ForeignKey('NotificationEventRow', {
    name: 'FK_notification_delivery_notification_event',
    onDelete: 'CASCADE',
  })
  eventId!: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  @ForeignKey('User', { name: 'FK_notification_delivery_user', onDelete: 'CASCADE' })
  userId!: string | null;

  @Column({ name: 'channel_id', type: 'uuid', nullable: true })
  @ForeignKey('NotificationChannel', {
    name: 'FK_notification_delivery_notification_channel',
    onDelete: 'CASCADE',
  })
  channelId!: string | null;

  @Column({ type: 'varchar', length: 8 })
  channel!: DeliveryChannel;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 200 })
  dedupeKey!: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  state!: DeliveryState;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  /** A worker sending it holds it until then; a crashed worker's claim lapses. */
  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true })
  claimedUntil!: Date | null;

  /**
   * The random token of the claim that holds it: only the worker holding that claim may renew
   * it, send, or record the attempt — a worker whose claim lapsed and was taken over may not.
   */
  @Column({ name: 'claim_token', type: 'uuid', nullable: true })
  claimToken!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
