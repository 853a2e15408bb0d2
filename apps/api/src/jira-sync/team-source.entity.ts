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
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { JiraSourceState } from '@bearing/contracts';
import { User } from '../accounts/user.entity.js';
import { Team } from '../teams/team.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import { JiraConnection } from './jira-connection.entity.js';

/**
 * Where one team's issues come from: a connection and a JQL or board, how to read points and
 * statuses, and how often to sync. `watermark` is the `updated` instant up to which every
 * issue is known to be stored; it only moves once a sync committed, so a failed sync starts
 * again where the last good one ended. `webhookSecretHash` is the SHA-256 of the secret path
 * segment of the source's webhook address (shown once).
 */
@Entity({ name: 'team_source' })
@Unique('UQ_team_source_team_id', ['teamId'])
@Index('IDX_team_source_workspace_id', ['workspaceId'])
@Index('IDX_team_source_connection_id', ['connectionId'])
@Check('CHK_team_source_state', `"state" IN ('ok', 'syncing', 'broken')`)
@Check('CHK_team_source_interval_minutes', `"interval_minutes" BETWEEN 15 AND 1440`)
export class TeamSource {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_team_source' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_team_source_workspace' })
  workspace?: Workspace;

  @Column({ name: 'team_id', type: 'uuid' })
  teamId!: string;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'FK_team_source_team' })
  team?: Team;

  @Column({ name: 'connection_id', type: 'uuid' })
  connectionId!: string;

  /** A connection in use cannot be deleted (409). */
  @ManyToOne(() => JiraConnection, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'connection_id', foreignKeyConstraintName: 'FK_team_source_connection' })
  connection?: JiraConnection;

  @Column({ type: 'text', nullable: true })
  jql!: string | null;

  @Column({ name: 'board_id', type: 'integer', nullable: true })
  boardId!: number | null;

  @Column({ name: 'story_points_field', type: 'varchar', length: 200, nullable: true })
  storyPointsField!: string | null;

  /** Jira status → stage of the team's workflow. */
  @Column({ type: 'jsonb', default: {} })
  statuses!: Record<string, string>;

  @Column({ name: 'interval_minutes', type: 'integer', default: 30 })
  intervalMinutes!: number;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ type: 'varchar', length: 16, default: 'ok' })
  state!: JiraSourceState;

  /** When the last successful sync finished. */
  @Column({ name: 'last_sync_at', type: 'timestamptz', nullable: true })
  lastSyncAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** The first failure since the last success; null while syncs succeed. */
  @Column({ name: 'failing_since', type: 'timestamptz', nullable: true })
  failingSince!: Date | null;

  /**
   * While failing: when the scheduler tries again (each failure waits the interval, and as long
   * as the source has been failing, up to a day). Null when not failing, or once saved.
   */
  @Column({ name: 'retry_at', type: 'timestamptz', nullable: true })
  retryAt!: Date | null;

  /**
   * The run that was running when Jira's webhook told of edits (it may have listed its issues
   * before them): another sync follows it once it ends. Null when none is wanted.
   */
  @Column({ name: 'resync_after_run_id', type: 'uuid', nullable: true })
  resyncAfterRunId!: string | null;

  /** Null: the next sync is a full one. */
  @Column({ type: 'timestamptz', nullable: true })
  watermark!: Date | null;

  /** When the issue keys were last compared with Jira's to find removed issues. */
  @Column({ name: 'reconciled_at', type: 'timestamptz', nullable: true })
  reconciledAt!: Date | null;

  @Column({ name: 'webhook_secret_hash', type: 'varchar', length: 64, nullable: true })
  webhookSecretHash!: string | null;

  /** Who saved the source last: a sync failure's audit event is recorded in their name. */
  @Column({ name: 'updated_by_user_id', type: 'uuid', nullable: true })
  updatedByUserId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'updated_by_user_id',
    foreignKeyConstraintName: 'FK_team_source_updated_by_user',
  })
  updatedBy?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /**
   * Optimistic concurrency: each save by a user moves it (a sync's state changes do not); a save
   * carrying an older one is refused with 409.
   */
  @VersionColumn()
  version!: number;
}
