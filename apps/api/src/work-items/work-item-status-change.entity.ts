import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { WorkItem } from './work-item.entity.js';

/** A move of a work item into `toStatus` — the metrics spec's `StatusChange`. */
@Entity({ name: 'work_item_status_change' })
export class WorkItemStatusChange {
  @PrimaryColumn({
    name: 'work_item_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_work_item_status_change',
  })
  workItemId!: string;

  /** Order within the item's history (time order; ties keep the tracker's order). */
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_work_item_status_change' })
  seq!: number;

  @ManyToOne(() => WorkItem, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'work_item_id',
    foreignKeyConstraintName: 'FK_work_item_status_change_work_item',
  })
  workItem?: WorkItem;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'from_status', type: 'varchar', length: 255, nullable: true })
  fromStatus!: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 255 })
  toStatus!: string;
}
