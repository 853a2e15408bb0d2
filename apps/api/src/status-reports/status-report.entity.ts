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
import type { ProgramHealth, ReportSnapshot, StatusReportState } from '@bearing/contracts';
import { User } from '../accounts/user.entity.js';
import { Program } from '../programs/program.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';

/**
 * A program's weekly status report. `snapshot` holds the numbers it was made from (JSONB), so a
 * published report reads the same forever: once `state` is `published` the row is frozen — the
 * service refuses edits with 409 and a trigger (see its migration) refuses any UPDATE.
 */
@Entity({ name: 'status_report' })
@Index('UQ_status_report_program_id_week', ['programId', 'week'], { unique: true })
@Index('IDX_status_report_workspace_id_week', ['workspaceId', 'week'])
@Check('CHK_status_report_state', `"state" IN ('draft', 'published')`)
@Check('CHK_status_report_health', `"health" IN ('on-track', 'at-risk', 'off-track')`)
@Check(
  'CHK_status_report_suggested_health',
  `"suggested_health" IN ('on-track', 'at-risk', 'off-track')`,
)
@Check(
  'CHK_status_report_published',
  `("state" = 'published') = ("published_at" IS NOT NULL AND "published_by_user_id" IS NOT NULL)`,
)
export class StatusReport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_status_report' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_status_report_workspace' })
  workspace?: Workspace;

  @Column({ name: 'program_id', type: 'uuid' })
  programId!: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id', foreignKeyConstraintName: 'FK_status_report_program' })
  program?: Program;

  /** The Monday of the reported week. */
  @Column({ type: 'date' })
  week!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: StatusReportState;

  @Column({ type: 'varchar', length: 16 })
  health!: ProgramHealth;

  @Column({ name: 'health_reason', type: 'text', nullable: true })
  healthReason!: string | null;

  /** What the data suggested when the snapshot was taken (also inside `snapshot`). */
  @Column({ name: 'suggested_health', type: 'varchar', length: 16 })
  suggestedHealth!: ProgramHealth;

  @Column({ type: 'text', default: '' })
  summary!: string;

  @Column({ type: 'jsonb', default: [] })
  highlights!: string[];

  @Column({ type: 'jsonb', default: [] })
  lowlights!: string[];

  @Column({ type: 'jsonb', default: [] })
  asks!: string[];

  @Column({ type: 'jsonb' })
  snapshot!: ReportSnapshot;

  @Column({ name: 'generated_at', type: 'timestamptz', precision: 3 })
  generatedAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', precision: 3, nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'published_by_user_id', type: 'uuid', nullable: true })
  publishedByUserId!: string | null;

  @ManyToOne(() => User)
  @JoinColumn({
    name: 'published_by_user_id',
    foreignKeyConstraintName: 'FK_status_report_published_by_user',
  })
  publishedBy?: User | null;

  @Column({ name: 'created_by_user_id', type: 'uuid' })
  createdByUserId!: string;

  @ManyToOne(() => User)
  @JoinColumn({
    name: 'created_by_user_id',
    foreignKeyConstraintName: 'FK_status_report_created_by_user',
  })
  createdBy?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Optimistic concurrency: an edit carrying a stale version is refused with 409. */
  @VersionColumn()
  version!: number;
}
