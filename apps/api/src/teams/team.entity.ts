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
import type { TeamCalendar, TeamWorkflow } from '@bearing/contracts';
import { Workspace } from '../workspaces/workspace.entity.js';

/**
 * A delivery team: its working calendar, its workflow (which tracker statuses make which
 * stage) and its time zone — everything the flow and sprint metrics need besides the items.
 */
@Entity({ name: 'team' })
@Index('UQ_team_workspace_id_slug', ['workspaceId', 'slug'], { unique: true })
export class Team {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_team' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_team_workspace' })
  workspace?: Workspace;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Unique within the workspace; routes accept it in place of the id. */
  @Column({ type: 'varchar', length: 63 })
  slug!: string;

  /** IANA zone in which the team's instants become days. */
  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone!: string;

  @Column({ type: 'jsonb' })
  calendar!: TeamCalendar;

  @Column({ type: 'jsonb' })
  workflow!: TeamWorkflow;

  /**
   * The Jira site its latest JSON import came from (e.g. `https://acme.atlassian.net`), for
   * links to the items' issues; null until one names it.
   */
  @Column({ name: 'jira_site', type: 'varchar', length: 2048, nullable: true })
  jiraSite!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Optimistic concurrency: a write carrying a stale version is refused with 409. */
  @VersionColumn()
  version!: number;
}
