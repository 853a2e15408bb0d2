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
 * Proof that a sign-in passed the password step, waiting for the second factor. The browser
 * holds a 256-bit secret; only its SHA-256 is stored. A ticket lives five minutes, completes one
 * sign-in at most and dies after a few wrong codes.
 */
@Entity({ name: 'mfa_ticket' })
@Index('IDX_mfa_ticket_user_id', ['userId'])
export class MfaTicket {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_mfa_ticket' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_mfa_ticket_user' })
  user?: User;

  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'failed_attempts', type: 'integer', default: 0 })
  failedAttempts!: number;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
