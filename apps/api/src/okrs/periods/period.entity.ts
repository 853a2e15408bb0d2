import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Workspace } from '../../workspaces/workspace.entity.js';

/** A span of days objectives are set for, e.g. "2026 Q4"; periods may overlap. */
@Entity({ name: 'period' })
@Index('IDX_period_workspace_id_start_id', ['workspaceId', 'start', 'id'])
@Check('CHK_period_end_not_before_start', `"end" >= "start"`)
export class Period {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_period' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_period_workspace' })
  workspace?: Workspace;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** First day, `YYYY-MM-DD`. */
  @Column({ type: 'date' })
  start!: string;

  /** Last day (inclusive), `YYYY-MM-DD`. */
  @Column({ type: 'date' })
  end!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Optimistic concurrency: an edit carrying a stale version is refused with 409. */
  @VersionColumn()
  version!: number;
}
