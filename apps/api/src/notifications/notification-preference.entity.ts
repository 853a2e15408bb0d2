import { Column, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { EventChannelPreference, NotificationEvent } from '@bearing/contracts';

/** A user's choices; events not listed keep the defaults (inbox and email on). */
@Entity({ name: 'notification_preference' })
export class NotificationPreference {
  @PrimaryColumn({
    name: 'user_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_notification_preference',
  })
  @ForeignKey('User', { name: 'FK_notification_preference_user', onDelete: 'CASCADE' })
  userId!: string;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  events!: Partial<Record<NotificationEvent, EventChannelPreference>>;

  @Column({ type: 'boolean', default: true })
  digest!: boolean;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
