import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One single sign-on attempt between `GET /api/auth/oidc/start` and its callback: the values the
 * callback must see again (state, nonce) and the PKCE verifier. It belongs to the browser that
 * started it — found only by the SHA-256 of a random httpOnly cookie set at the start — lives ten
 * minutes and is deleted when the callback reads it, so it works once.
 */
@Entity({ name: 'oidc_sign_in_attempt' })
@Index('UQ_oidc_sign_in_attempt_browser_key_hash', ['browserKeyHash'], { unique: true })
export class OidcSignInAttempt {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_oidc_sign_in_attempt' })
  id!: string;

  @Column({ name: 'browser_key_hash', type: 'varchar', length: 64 })
  browserKeyHash!: string;

  @Column({ type: 'varchar', length: 100 })
  state!: string;

  @Column({ type: 'varchar', length: 100 })
  nonce!: string;

  @Column({ name: 'code_verifier', type: 'varchar', length: 200 })
  codeVerifier!: string;

  /** Where to go once signed in: a path on this site, checked at the start. */
  @Column({ name: 'next_path', type: 'varchar', length: 2000 })
  nextPath!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
