import type { Audience } from '@bearing/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A person who signs in. Belongs to workspaces through memberships. */
@Entity({ name: 'user' })
@Check('CHK_user_email_lowercase', `"email" = lower("email")`)
@Check('CHK_user_audience', `"audience" IN ('executive', 'stakeholder', 'team')`)
export class User {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_user' })
  id!: string;

  /** Stored in lower case (the check enforces it), so uniqueness is case-insensitive. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName!: string;

  /** argon2id PHC string; the password itself is never stored or logged. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Which view the user lands on (a preference, not a permission). */
  @Column({ type: 'varchar', length: 16, default: 'executive' })
  audience!: Audience;

  /**
   * Set when someone other than the user chose the password (the generated first admin, an
   * account made with an initial password): until they choose their own, only the routes that
   * let them do so answer.
   */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  /**
   * Administers the instance: its users, settings and audit log. Separate from workspace roles
   * (an instance admin sees no workspace they are not a member of); the first admin is one.
   */
  @Column({ name: 'instance_admin', type: 'boolean', default: false })
  instanceAdmin!: boolean;

  /**
   * The user signs in with a second factor (a confirmed TOTP authenticator, `auth/mfa/`). Kept
   * here, beside the other flags the caller read sees, so the access guard knows it in the
   * same statement; the MFA feature sets it in the transaction that confirms or removes one.
   */
  @Column({ name: 'mfa_enabled', type: 'boolean', default: false })
  mfaEnabled!: boolean;

  /** IANA time zone for the weekly digest; null until the user sets one (UTC then). */
  @Column({ name: 'time_zone', type: 'varchar', length: 64, nullable: true })
  timeZone!: string | null;

  /** A disabled user's sessions and tokens stop working at once. */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;
}
