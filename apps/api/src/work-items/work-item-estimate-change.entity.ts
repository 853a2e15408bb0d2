import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { WorkItem } from './work-item.entity.js';

/** A re-estimate of a work item; `points` null when the estimate was cleared. */
@Entity({ name: 'work_item_estimate_change' })
export class WorkItemEstimateChange {
  @PrimaryColumn({
    name: 'work_item_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_work_item_estimate_change',
  })
  workItemId!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_work_item_estimate_change' })
  seq!: number;

  @ManyToOne(() => WorkItem, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'work_item_id',
    foreignKeyConstraintName: 'FK_work_item_estimate_change_work_item',
  })
  workItem?: WorkItem;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'double precision', nullable: true })
  points!: number | null;
}
