import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { SyncRunStatus, SyncTrigger } from '@bearing/contracts';
import { Workspace } from '../workspaces/workspace.entity.js';
import { TeamSource } from './team-source.entity.js';

/**
 * One sync of a team's source, written outside the sync's page transactions so it survives a
 * failure. `activeSourceId` is the source's id while the run is queued or running and null
 * after: its unique constraint lets at most one sync of a source wait or run at a time, across
 * every process. `leaseUntil` is how long the running worker holds it; a worker that died
 * stops renewing it, and another may take the run over once it lapsed — with a new
 * `leaseToken`, so the one before, should it wake, is refused.
 */
@Entity({ name: 'sync_run' })
@Unique('UQ_sync_run_active_source_id', ['activeSourceId'])
@Index('IDX_sync_run_source_id_created_at_id', ['sourceId', 'createdAt', 'id'])
@Index('IDX_sync_run_workspace_id', ['workspaceId'])
@Check('CHK_sync_run_trigger', `"trigger" IN ('schedule', 'manual', 'webhook')`)
@Check('CHK_sync_run_status', `"status" IN ('queued', 'running', 'succeeded', 'failed')`)
export class SyncRun {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_sync_run' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_sync_run_workspace' })
  workspace?: Workspace;

  @Column({ name: 'source_id', type: 'uuid' })
  sourceId!: string;

  @ManyToOne(() => TeamSource, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id', foreignKeyConstraintName: 'FK_sync_run_source' })
  source?: TeamSource;

  @Column({ type: 'varchar', length: 16 })
  trigger!: SyncTrigger;

  @Column({ type: 'varchar', length: 16 })
  status!: SyncRunStatus;

  @Column({ type: 'varchar', length: 16, nullable: true })
  mode!: 'full' | 'incremental' | null;

  @Column({ type: 'integer', default: 0 })
  pages!: number;

  @Column({ type: 'integer', default: 0 })
  created!: number;

  @Column({ type: 'integer', default: 0 })
  updated!: number;

  @Column({ type: 'integer', default: 0 })
  unchanged!: number;

  @Column({ type: 'integer', default: 0 })
  removed!: number;

  @Column({ type: 'integer', default: 0 })
  requests!: number;

  @Column({ type: 'integer', default: 0 })
  retries!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'active_source_id', type: 'uuid', nullable: true })
  activeSourceId!: string | null;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  /** The random token of the running worker's claim: only its holder renews, writes or ends. */
  @Column({ name: 'lease_token', type: 'uuid', nullable: true })
  leaseToken!: string | null;

  /** Millisecond precision: the history pages by (created_at, id). */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
