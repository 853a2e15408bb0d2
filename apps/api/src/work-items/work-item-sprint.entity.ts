import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Sprint } from '../sprints/sprint.entity.js';
import { WorkItem } from './work-item.entity.js';

/**
 * The sprints of a work item without history (Jira's sprint field in a CSV export, which lists
 * them but not when the item joined them). An item with history was in the sprints its
 * `added` sprint changes name.
 */
@Entity({ name: 'work_item_sprint' })
@Index('IDX_work_item_sprint_sprint_id', ['sprintId'])
export class WorkItemSprint {
  @PrimaryColumn({
    name: 'work_item_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_work_item_sprint',
  })
  workItemId!: string;

  @PrimaryColumn({
    name: 'sprint_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_work_item_sprint',
  })
  sprintId!: string;

  @ManyToOne(() => WorkItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'work_item_id', foreignKeyConstraintName: 'FK_work_item_sprint_work_item' })
  workItem?: WorkItem;

  @ManyToOne(() => Sprint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sprint_id', foreignKeyConstraintName: 'FK_work_item_sprint_sprint' })
  sprint?: Sprint;
}
