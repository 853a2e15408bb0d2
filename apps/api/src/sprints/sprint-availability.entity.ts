import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TeamMember } from '../teams/team-member.entity.js';
import { Sprint } from './sprint.entity.js';

/**
 * One member's availability in one sprint. No row: the member's default allocation and no
 * days off. A closed sprint's rows are frozen (`defaultAllocation` set): they alone are its
 * roster, one row for every member the team had when it closed.
 */
@Entity({ name: 'sprint_availability' })
@Index('IDX_sprint_availability_member_id', ['memberId'])
@Check('CHK_sprint_availability_allocation', `"allocation" >= 0 AND "allocation" <= 1`)
@Check(
  'CHK_sprint_availability_default_allocation',
  `"default_allocation" >= 0 AND "default_allocation" <= 1`,
)
export class SprintAvailability {
  @PrimaryColumn({
    name: 'sprint_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_sprint_availability',
  })
  sprintId!: string;

  @PrimaryColumn({
    name: 'member_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_sprint_availability',
  })
  memberId!: string;

  @ManyToOne(() => Sprint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sprint_id', foreignKeyConstraintName: 'FK_sprint_availability_sprint' })
  sprint?: Sprint;

  @ManyToOne(() => TeamMember, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'FK_sprint_availability_member' })
  member?: TeamMember;

  /** This sprint's share of the member's time; null = their default allocation. */
  @Column({ type: 'double precision', nullable: true })
  allocation!: number | null;

  /**
   * The member's default allocation when the sprint closed (what a null `allocation` means
   * then); null while the sprint is not closed, when the member's current default applies.
   */
  @Column({ name: 'default_allocation', type: 'double precision', nullable: true })
  defaultAllocation!: number | null;

  /** `YYYY-MM-DD` days the member is off. */
  @Column({ name: 'days_off', type: 'jsonb', default: () => `'[]'` })
  daysOff!: string[];
}
