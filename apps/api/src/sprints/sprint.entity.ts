import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { SprintSource, SprintState } from '@bearing/contracts';
import { Team } from '../teams/team.entity.js';

/**
 * A team's sprint, entered by hand or read from Jira (then `externalId` is Jira's sprint id and
 * re-imports update it in place).
 */
@Entity({ name: 'sprint' })
@Index('UQ_sprint_team_id_source_external_id', ['teamId', 'source', 'externalId'], {
  unique: true,
})
@Index('IDX_sprint_team_id_starts_at', ['teamId', 'startsAt'])
@Check('CHK_sprint_state', `"state" IN ('future', 'active', 'closed')`)
@Check('CHK_sprint_source', `"source" IN ('manual', 'jira')`)
export class Sprint {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_sprint' })
  id!: string;

  @Column({ name: 'team_id', type: 'uuid' })
  teamId!: string;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'FK_sprint_team' })
  team?: Team;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ name: 'starts_at', type: 'timestamptz', nullable: true })
  startsAt!: Date | null;

  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true })
  endsAt!: Date | null;

  @Column({ type: 'text', default: '' })
  goal!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: SprintState;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'varchar', length: 16 })
  source!: SprintSource;

  @Column({ name: 'external_id', type: 'varchar', length: 64, nullable: true })
  externalId!: string | null;

  /**
   * Bumped by every change of the sprint's availability (a PUT, closing, reopening): the
   * version an availability editor must send back.
   */
  @Column({ name: 'availability_version', type: 'integer', default: 1 })
  availabilityVersion!: number;

  /**
   * When the sprint closed and its availability was frozen: from then on its availability rows
   * alone (each with the member's default at that moment) are its roster, so the team's later
   * changes do not rewrite its person-days. Null while the sprint is not closed.
   */
  @Column({ name: 'availability_frozen_at', type: 'timestamptz', nullable: true })
  availabilityFrozenAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
