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
import type { TokenScope } from '@bearing/contracts';
import { User } from '../accounts/user.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';

/**
 * A personal API token for scripts and warehouses: bound to one workspace, scoped, expiring,
 * revocable. Only the secret's SHA-256 is stored; the secret is shown once at creation.
 */
@Entity({ name: 'api_token' })
@Index('IDX_api_token_user_id_created_at', ['userId', 'createdAt'])
@Index('IDX_api_token_workspace_id_created_at', ['workspaceId', 'createdAt'])
@Check('CHK_api_token_scope', `"scope" IN ('read', 'write')`)
export class ApiToken {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_api_token' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_api_token_user' })
  user?: User;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_api_token_workspace' })
  workspace?: Workspace;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 8 })
  scope!: TokenScope;

  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  /** The secret's first characters, so a person can tell their tokens apart in a list. */
  @Column({ name: 'token_prefix', type: 'varchar', length: 16 })
  tokenPrefix!: string;

  /** Millisecond precision: lists page by (created_at, id), and JavaScript dates hold ms. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
