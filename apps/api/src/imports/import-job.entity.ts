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
import type { ImportFormat, ImportJobStatus, ImportResult } from '@bearing/contracts';
import { User } from '../accounts/user.entity.js';
import { Team } from '../teams/team.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';

/**
 * One import run. Written outside the import's own transaction, so a failed import still
 * leaves its row (status `failed`, with the problems) in the history while its data is gone.
 */
@Entity({ name: 'import_job' })
@Index('IDX_import_job_team_id_created_at_id', ['teamId', 'createdAt', 'id'])
@Index('IDX_import_job_workspace_id', ['workspaceId'])
@Check('CHK_import_job_status', `"status" IN ('queued', 'running', 'completed', 'failed')`)
@Check('CHK_import_job_format', `"format" IN ('jira-json', 'jira-csv')`)
export class ImportJob {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_import_job' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_import_job_workspace' })
  workspace?: Workspace;

  @Column({ name: 'team_id', type: 'uuid' })
  teamId!: string;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'FK_import_job_team' })
  team?: Team;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'created_by_user_id',
    foreignKeyConstraintName: 'FK_import_job_created_by_user',
  })
  createdBy?: User;

  @Column({ type: 'varchar', length: 16 })
  format!: ImportFormat;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ name: 'file_size', type: 'integer' })
  fileSize!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: ImportJobStatus;

  /** 0 … 1 while running. */
  @Column({ type: 'double precision', default: 0 })
  progress!: number;

  @Column({ type: 'jsonb', nullable: true })
  result!: ImportResult | null;

  /**
   * Last sign of life of a running import (database clock), written every few seconds outside
   * the import's transaction; see import-job.repository.ts. `null` on rows from before it existed.
   */
  @Column({ name: 'heartbeat_at', type: 'timestamptz', nullable: true })
  heartbeatAt!: Date | null;

  /** Millisecond precision: the history pages by (created_at, id). */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
