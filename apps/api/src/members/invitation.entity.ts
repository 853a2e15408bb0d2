import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { WorkspaceRole } from '@bearing/contracts';
import { User } from '../accounts/user.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';

/**
 * A one-time link that lets a new person create their account and join a workspace. Bearing
 * sends no mail: the admin passes the link on. Only the secret's hash is stored.
 */
@Entity({ name: 'invitation' })
@Index('IDX_invitation_workspace_id_email', ['workspaceId', 'email'])
@Check('CHK_invitation_role', `"role" IN ('viewer', 'editor', 'admin')`)
export class Invitation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_invitation' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_invitation_workspace' })
  workspace?: Workspace;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: WorkspaceRole;

  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  @Column({ name: 'invited_by_user_id', type: 'uuid' })
  invitedByUserId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'invited_by_user_id',
    foreignKeyConstraintName: 'FK_invitation_invited_by_user',
  })
  invitedBy?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;
}
