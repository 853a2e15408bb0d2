import {
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
import { Program } from '../program.entity.js';

/**
 * A milestone of a program. `baselineDate` is the original plan and is never updated after the
 * insert; `currentDate` moves, and each move is a `MilestoneDateChange`.
 */
@Entity({ name: 'milestone' })
@Index('IDX_milestone_program_id_baseline_date_id', ['programId', 'baselineDate', 'id'])
export class Milestone {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_milestone' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_milestone_workspace' })
  workspace?: Workspace;

  @Column({ name: 'program_id', type: 'uuid' })
  programId!: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id', foreignKeyConstraintName: 'FK_milestone_program' })
  program?: Program;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** The original plan, `YYYY-MM-DD`; set once. */
  @Column({ name: 'baseline_date', type: 'date', update: false })
  baselineDate!: string;

  @Column({ name: 'current_date', type: 'date' })
  currentDate!: string;

  /** The day it was completed; `null` while open. */
  @Column({ name: 'completed_at', type: 'date', nullable: true })
  completedAt!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Optimistic concurrency: an edit carrying a stale version is refused with 409. */
  @VersionColumn()
  version!: number;
}
