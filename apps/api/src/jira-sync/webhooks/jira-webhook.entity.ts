import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { Workspace } from '../../workspaces/workspace.entity.js';
import { TeamSource } from '../team-source.entity.js';

/**
 * What a team source's webhook needs beyond its address (whose secret's hash the source keeps):
 * the secret Jira signs its requests with, sealed by the SecretBox with the id of the key that
 * sealed it, when the team set one; when the last request came; and `pendingSince`, set by the
 * first event of a burst and cleared when its delayed sync is asked for, so many events close
 * together lead to one sync (across processes: it is one row).
 */
@Entity({ name: 'jira_webhook' })
@Index('IDX_jira_webhook_workspace_id', ['workspaceId'])
export class JiraWebhook {
  @PrimaryColumn({ name: 'source_id', type: 'uuid', primaryKeyConstraintName: 'PK_jira_webhook' })
  sourceId!: string;

  @OneToOne(() => TeamSource, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id', foreignKeyConstraintName: 'FK_jira_webhook_source' })
  source?: TeamSource;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_jira_webhook_workspace' })
  workspace?: Workspace;

  @Column({ name: 'signing_secret_sealed', type: 'text', nullable: true })
  signingSecretSealed!: string | null;

  @Column({ name: 'signing_secret_key_id', type: 'varchar', length: 64, nullable: true })
  signingSecretKeyId!: string | null;

  @Column({ name: 'last_received_at', type: 'timestamptz', nullable: true })
  lastReceivedAt!: Date | null;

  @Column({ name: 'pending_since', type: 'timestamptz', nullable: true })
  pendingSince!: Date | null;

  /** The request that opened the pending burst (its own random id). */
  @Column({ name: 'pending_burst_id', type: 'uuid', nullable: true })
  pendingBurstId!: string | null;
}
