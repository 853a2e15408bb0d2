import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../accounts/user.entity.js';

/**
 * Single sign-on found an existing account with the same verified email but no link: the link
 * waits here until the account's owner next signs in with their password (proving the account is
 * theirs) or an instance admin confirms it. One per account; a newer attempt replaces it.
 */
@Entity({ name: 'oidc_pending_link' })
export class OidcPendingLink {
  @PrimaryColumn({
    name: 'user_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_oidc_pending_link',
  })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_oidc_pending_link_user' })
  user?: User;

  @Column({ type: 'varchar', length: 500 })
  issuer!: string;

  @Column({ type: 'varchar', length: 255 })
  subject!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
