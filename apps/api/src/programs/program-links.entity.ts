import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Guardrail } from '../guardrails/guardrail.entity.js';
import { Objective } from '../okrs/objectives/objective.entity.js';
import { Team } from '../teams/team.entity.js';
import { Program } from './program.entity.js';

/*
 * A program's links to records of other features. Foreign keys on both sides cascade: a deleted
 * program takes its links with it, and a deleted team, objective or guardrail disappears from its
 * programs. The foreign key cannot tell workspaces apart, so the service still checks, through
 * `LinkedRecords`, that every id is a record of the program's workspace.
 */

@Entity({ name: 'program_team' })
@Index('IDX_program_team_team_id', ['teamId'])
export class ProgramTeam {
  @PrimaryColumn({ name: 'program_id', type: 'uuid', primaryKeyConstraintName: 'PK_program_team' })
  programId!: string;

  @PrimaryColumn({ name: 'team_id', type: 'uuid', primaryKeyConstraintName: 'PK_program_team' })
  teamId!: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id', foreignKeyConstraintName: 'FK_program_team_program' })
  program?: Program;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'FK_program_team_team' })
  team?: Team;
}

@Entity({ name: 'program_objective' })
@Index('IDX_program_objective_objective_id', ['objectiveId'])
export class ProgramObjective {
  @PrimaryColumn({
    name: 'program_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_program_objective',
  })
  programId!: string;

  @PrimaryColumn({
    name: 'objective_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_program_objective',
  })
  objectiveId!: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id', foreignKeyConstraintName: 'FK_program_objective_program' })
  program?: Program;

  @ManyToOne(() => Objective, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'objective_id', foreignKeyConstraintName: 'FK_program_objective_objective' })
  objective?: Objective;
}

@Entity({ name: 'program_guardrail' })
@Index('IDX_program_guardrail_guardrail_id', ['guardrailId'])
export class ProgramGuardrail {
  @PrimaryColumn({
    name: 'program_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_program_guardrail',
  })
  programId!: string;

  @PrimaryColumn({
    name: 'guardrail_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_program_guardrail',
  })
  guardrailId!: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id', foreignKeyConstraintName: 'FK_program_guardrail_program' })
  program?: Program;

  @ManyToOne(() => Guardrail, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'guardrail_id', foreignKeyConstraintName: 'FK_program_guardrail_guardrail' })
  guardrail?: Guardrail;
}
