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
} from 'typeorm';
import type { JiraFlavour } from '@bearing/contracts';
import { Workspace } from '../workspaces/workspace.entity.js';

/**
 * A workspace's connection to a Jira site. The token is sealed by the SecretBox
 * (`secretSealed`, with the id of the key that sealed it); it never leaves the server.
 */
@Entity({ name: 'jira_connection' })
@Index('IDX_jira_connection_workspace_id_name_id', ['workspaceId', 'name', 'id'])
@Check('CHK_jira_connection_flavour', `"flavour" IN ('cloud', 'data-center')`)
export class JiraConnection {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_jira_connection' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_jira_connection_workspace' })
  workspace?: Workspace;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Without a trailing slash, e.g. `https://acme.atlassian.net`. */
  @Column({ name: 'base_url', type: 'varchar', length: 2000 })
  baseUrl!: string;

  @Column({ type: 'varchar', length: 16 })
  flavour!: JiraFlavour;

  /** Cloud: the account of the API token. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  email!: string | null;

  /** `SecretBox.seal` of the API token or personal access token. */
  @Column({ name: 'secret_sealed', type: 'text' })
  secretSealed!: string;

  @Column({ name: 'secret_key_id', type: 'varchar', length: 64 })
  secretKeyId!: string;

  /** Millisecond precision: the list pages by (name, id), the history by creation. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
