import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Workspace } from '../workspaces/workspace.entity.js';

/** A workspace's weekly-review settings; no row means the defaults (review on Monday). */
@Entity({ name: 'review_setting' })
@Check('CHK_review_setting_review_weekday', `"review_weekday" BETWEEN 0 AND 6`)
export class ReviewSetting {
  @PrimaryColumn({
    name: 'workspace_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_review_setting',
  })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_review_setting_workspace' })
  workspace?: Workspace;

  /** 0 = Sunday … 6 = Saturday. */
  @Column({ name: 'review_weekday', type: 'smallint' })
  reviewWeekday!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Optimistic concurrency: a write carrying a stale version is refused with 409. */
  @VersionColumn()
  version!: number;
}
