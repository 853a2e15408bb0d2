import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../../accounts/user.entity.js';

/**
 * A person at the identity provider (issuer + subject, which never changes, unlike an email)
 * linked to a Bearing account: single sign-on finds the account by this, never by email alone.
 */
@Entity({ name: 'oidc_identity' })
@Index('UQ_oidc_identity_issuer_subject', ['issuer', 'subject'], { unique: true })
@Index('IDX_oidc_identity_user_id', ['userId'])
export class OidcIdentity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_oidc_identity' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_oidc_identity_user' })
  user?: User;

  @Column({ type: 'varchar', length: 500 })
  issuer!: string;

  @Column({ type: 'varchar', length: 255 })
  subject!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
