import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { WorkspaceRole } from '@bearing/contracts';
import { User } from '../accounts/user.entity.js';
import { Workspace } from './workspace.entity.js';

/** A user's role in one workspace; the only thing that grants access to workspace data. */
@Entity({ name: 'membership' })
@Index('IDX_membership_user_id', ['userId'])
@Check('CHK_membership_role', `"role" IN ('viewer', 'editor', 'admin')`)
export class Membership {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid', primaryKeyConstraintName: 'PK_membership' })
  workspaceId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'PK_membership' })
  userId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_membership_workspace' })
  workspace?: Workspace;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_membership_user' })
  user?: User;

  @Column({ type: 'varchar', length: 16 })
  role!: WorkspaceRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Optimistic concurrency: a role change carrying a stale version is refused with 409. */
  @VersionColumn()
  version!: number;
}
