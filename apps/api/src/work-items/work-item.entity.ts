import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Team } from '../teams/team.entity.js';

/**
 * A tracker item of one team, upserted by team + source + key. Its history lives in the
 * change tables; `hasHistory` is false for items only known from a CSV export (current state,
 * no changes). Assignee and reporter are never stored.
 */
@Entity({ name: 'work_item' })
@Index('UQ_work_item_team_id_source_key', ['teamId', 'source', 'key'], { unique: true })
@Index('IDX_work_item_team_id_created_at_id', ['teamId', 'createdAt', 'id'])
export class WorkItem {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_work_item' })
  id!: string;

  /**
   * The team's workspace, copied so every query can filter by it. No foreign key of its own:
   * the team's already ties the row to the workspace (and deletes it with the team), and a
   * second check per row would slow imports for nothing.
   */
  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @Column({ name: 'team_id', type: 'uuid' })
  teamId!: string;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'FK_work_item_team' })
  team?: Team;

  /** Where it came from, e.g. `jira`. */
  @Column({ type: 'varchar', length: 32 })
  source!: string;

  /** The tracker's key, e.g. `PAY-123`. */
  @Column({ type: 'varchar', length: 255 })
  key!: string;

  @Column({ type: 'varchar', length: 100 })
  type!: string;

  @Column({ type: 'text' })
  title!: string;

  /** Latest estimate; null when unestimated. */
  @Column({ type: 'double precision', nullable: true })
  points!: number | null;

  /** The estimate the item was created with. */
  @Column({ name: 'initial_points', type: 'double precision', nullable: true })
  initialPoints!: number | null;

  /** When the item was created in the tracker (not when Bearing imported it). */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'varchar', length: 255 })
  status!: string;

  /** The status it was created in; null when its history is unknown. */
  @Column({ name: 'initial_status', type: 'varchar', length: 255, nullable: true })
  initialStatus!: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'parent_key', type: 'varchar', length: 255, nullable: true })
  parentKey!: string | null;

  @Column({ name: 'has_history', type: 'boolean' })
  hasHistory!: boolean;

  /** Digest of the item's own fields: an import that brings the same digest changes nothing. */
  @Column({ name: 'fields_digest', type: 'varchar', length: 64 })
  fieldsDigest!: string;

  /** Digest of the history; null when there is none. */
  @Column({ name: 'history_digest', type: 'varchar', length: 64, nullable: true })
  historyDigest!: string | null;

  /**
   * When a Jira sync found the issue gone from its source's query (moved or deleted): the item
   * and its history are kept, but the metrics leave it out. Null while it is in the source.
   */
  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt!: Date | null;

  @Column({ name: 'imported_at', type: 'timestamptz', default: () => 'now()' })
  importedAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
