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
import type { ProgramDependencyStatus } from '@bearing/contracts';
import { Workspace } from '../../workspaces/workspace.entity.js';
import { Program } from '../program.entity.js';

export type DependencyPartyKind = 'team' | 'program';

/**
 * `from` needs something from `to` by `needBy`. Each side is a team or a program, by kind and id:
 * no foreign key, as a side may be either; the service checks that a side it is given is a record
 * of the workspace, and deleting a team is refused while an open dependency names it.
 */
@Entity({ name: 'program_dependency' })
@Index('IDX_program_dependency_program_id_need_by_id', ['programId', 'needBy', 'id'])
/** The overdue reminder's read: open dependencies by need-by date. */
@Index('IDX_program_dependency_open_need_by', ['needBy'], {
  where: `"status" IN ('open', 'committed', 'blocked')`,
})
@Check(
  'CHK_program_dependency_status',
  `"status" IN ('open', 'committed', 'blocked', 'delivered', 'cancelled')`,
)
@Check('CHK_program_dependency_from_kind', `"from_kind" IN ('team', 'program')`)
@Check('CHK_program_dependency_to_kind', `"to_kind" IN ('team', 'program')`)
export class ProgramDependency {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_program_dependency' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_program_dependency_workspace' })
  workspace?: Workspace;

  @Column({ name: 'program_id', type: 'uuid' })
  programId!: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id', foreignKeyConstraintName: 'FK_program_dependency_program' })
  program?: Program;

  @Column({ name: 'from_kind', type: 'varchar', length: 16 })
  fromKind!: DependencyPartyKind;

  @Column({ name: 'from_id', type: 'uuid' })
  fromId!: string;

  @Column({ name: 'to_kind', type: 'varchar', length: 16 })
  toKind!: DependencyPartyKind;

  @Column({ name: 'to_id', type: 'uuid' })
  toId!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'need_by', type: 'date' })
  needBy!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ProgramDependencyStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Optimistic concurrency: an edit carrying a stale version is refused with 409. */
  @VersionColumn()
  version!: number;
}
