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
import type { ObjectiveStatus } from '@bearing/contracts';
import { User } from '../../accounts/user.entity.js';
import { Workspace } from '../../workspaces/workspace.entity.js';
import { Period } from '../periods/period.entity.js';

/** What a program is trying to achieve in a period; may align to a parent objective. */
@Entity({ name: 'objective' })
@Index('IDX_objective_workspace_id_created_at_id', ['workspaceId', 'createdAt', 'id'])
@Index('IDX_objective_workspace_id_period_id', ['workspaceId', 'periodId'])
@Index('IDX_objective_owner_user_id', ['ownerUserId'])
@Index('IDX_objective_parent_id', ['parentId'])
@Check('CHK_objective_status', `"status" IN ('active', 'closed', 'cancelled')`)
export class Objective {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_objective' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_objective_workspace' })
  workspace?: Workspace;

  @Column({ name: 'period_id', type: 'uuid' })
  periodId!: string;

  @ManyToOne(() => Period)
  @JoinColumn({ name: 'period_id', foreignKeyConstraintName: 'FK_objective_period' })
  period?: Period;

  @Column({ name: 'owner_user_id', type: 'uuid' })
  ownerUserId!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'owner_user_id', foreignKeyConstraintName: 'FK_objective_owner_user' })
  owner?: User;

  /** Alignment: the objective this one contributes to. The tree never has a cycle. */
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => Objective, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'FK_objective_parent' })
  parent?: Objective;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ObjectiveStatus;

  /** Millisecond precision: lists page by (created_at, id), and JavaScript dates hold ms. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Optimistic concurrency: an edit carrying a stale version is refused with 409. */
  @VersionColumn()
  version!: number;
}
