import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Program } from './program.entity.js';

/*
 * A program's links to records of other features, keyed by their ids. There is deliberately no
 * foreign key to `team`, `objective` or `guardrail` yet: those tables belong to features built
 * alongside this one (issues 5 and 6). The service checks, through `LinkedRecords`, that every
 * id is a record of the same workspace; a later migration adds the foreign keys once both
 * features have landed.
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
}
