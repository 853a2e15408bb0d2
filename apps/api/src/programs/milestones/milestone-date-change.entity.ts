import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../../accounts/user.entity.js';
import { Milestone } from './milestone.entity.js';

/** One move of a milestone's current date, with why and by whom. Never updated. */
@Entity({ name: 'milestone_date_change' })
@Index('IDX_milestone_date_change_milestone_id_changed_at_id', ['milestoneId', 'changedAt', 'id'])
export class MilestoneDateChange {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_milestone_date_change' })
  id!: string;

  @Column({ name: 'milestone_id', type: 'uuid' })
  milestoneId!: string;

  @ManyToOne(() => Milestone, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'milestone_id',
    foreignKeyConstraintName: 'FK_milestone_date_change_milestone',
  })
  milestone?: Milestone;

  @Column({ name: 'from_date', type: 'date' })
  fromDate!: string;

  @Column({ name: 'to_date', type: 'date' })
  toDate!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId!: string;

  @ManyToOne(() => User)
  @JoinColumn({
    name: 'author_user_id',
    foreignKeyConstraintName: 'FK_milestone_date_change_author_user',
  })
  author?: User;

  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz', precision: 3 })
  changedAt!: Date;
}
