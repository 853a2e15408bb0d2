import {
  Check,
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Team } from './team.entity.js';

/**
 * A person as team capacity: a name and a default share of their time. Deliberately nothing
 * else — Bearing keeps no per-person delivery figures, and tracker assignees are never stored.
 */
@Entity({ name: 'team_member' })
@Index('IDX_team_member_team_id_display_name', ['teamId', 'displayName'])
@Check('CHK_team_member_allocation', `"allocation" >= 0 AND "allocation" <= 1`)
export class TeamMember {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_team_member' })
  id!: string;

  @Column({ name: 'team_id', type: 'uuid' })
  teamId!: string;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'FK_team_member_team' })
  team?: Team;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName!: string;

  /** Default share of the member's time for this team, 0 … 1. */
  @Column({ type: 'double precision' })
  allocation!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /**
   * When the member left the team, kept only while a closed sprint counts them (their days in
   * it stay in the team's history). TypeORM's reads leave removed members out.
   */
  @DeleteDateColumn({ name: 'removed_at', type: 'timestamptz' })
  removedAt!: Date | null;

  @VersionColumn()
  version!: number;
}
