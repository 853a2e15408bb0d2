import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { WorkItem } from './work-item.entity.js';

/** A work item added to or removed from a sprint — the sprint's scope over time. */
@Entity({ name: 'work_item_sprint_change' })
@Index('IDX_work_item_sprint_change_sprint_id', ['sprintId'])
@Check('CHK_work_item_sprint_change_change', `"change" IN ('added', 'removed')`)
export class WorkItemSprintChange {
  @PrimaryColumn({
    name: 'work_item_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_work_item_sprint_change',
  })
  workItemId!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_work_item_sprint_change' })
  seq!: number;

  @ManyToOne(() => WorkItem, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'work_item_id',
    foreignKeyConstraintName: 'FK_work_item_sprint_change_work_item',
  })
  workItem?: WorkItem;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /**
   * No foreign key on purpose: imports write tens of thousands of these rows, and a key check
   * per row doubled their cost. Sprints of an import exist by construction (the import holds
   * the team's lock, as does deleting a sprint, which removes its rows here itself).
   */
  @Column({ name: 'sprint_id', type: 'uuid' })
  sprintId!: string;

  @Column({ type: 'varchar', length: 8 })
  change!: 'added' | 'removed';
}
