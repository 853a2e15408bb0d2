import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../../accounts/user.entity.js';
import { RaidItem } from './raid-item.entity.js';

/** What one write changed in a RAID item: `{ field: { from, to } }`. Never updated. */
export type RaidFieldChanges = Record<string, { from: unknown; to: unknown }>;

/**
 * One entry of a RAID item's history. The first (`created`) holds every field with `from:
 * null`, so the item's state at any moment can be rebuilt from the history alone.
 */
@Entity({ name: 'raid_item_change' })
@Index('IDX_raid_item_change_raid_item_id_changed_at_id', ['raidItemId', 'changedAt', 'id'])
@Check('CHK_raid_item_change_action', `"action" IN ('created', 'updated')`)
export class RaidItemChange {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_raid_item_change' })
  id!: string;

  @Column({ name: 'raid_item_id', type: 'uuid' })
  raidItemId!: string;

  @ManyToOne(() => RaidItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'raid_item_id', foreignKeyConstraintName: 'FK_raid_item_change_raid_item' })
  raidItem?: RaidItem;

  @Column({ type: 'varchar', length: 16 })
  action!: 'created' | 'updated';

  @Column({ type: 'jsonb' })
  changes!: RaidFieldChanges;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId!: string;

  @ManyToOne(() => User)
  @JoinColumn({
    name: 'author_user_id',
    foreignKeyConstraintName: 'FK_raid_item_change_author_user',
  })
  author?: User;

  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz', precision: 3 })
  changedAt!: Date;
}
