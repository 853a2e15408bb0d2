import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../accounts/user.entity.js';

/**
 * A user's TOTP authenticator (RFC 6238): at most one per user. The shared secret is sealed
 * with the instance key (`SecretBox`), never stored in the clear; it counts as a second factor
 * only once a first code proved the authenticator holds it (`confirmedAt`).
 */
@Entity({ name: 'totp_credential' })
export class TotpCredential {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'PK_totp_credential' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_totp_credential_user' })
  user?: User;

  @Column({ name: 'sealed_secret', type: 'text' })
  sealedSecret!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Null while enrolment waits for its first code. */
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  /**
   * The 30-second step of the last code accepted: a code of that step or an earlier one is
   * refused, so a code seen over someone's shoulder cannot be used a second time.
   */
  @Column({ name: 'last_used_step', type: 'bigint', nullable: true })
  lastUsedStep!: string | null;
}
