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
import type { Confidence } from '@bearing/contracts';
import { User } from '../../accounts/user.entity.js';
import { Workspace } from '../../workspaces/workspace.entity.js';
import { KeyResult } from '../key-results/key-result.entity.js';

/**
 * A reading of a key result on a date, with the owner's confidence. History: never updated —
 * a correction is a new check-in, and the latest (by date, then creation) counts.
 */
@Entity({ name: 'check_in' })
@Index('IDX_check_in_key_result_id_date_created_at_id', ['keyResultId', 'date', 'createdAt', 'id'])
@Check('CHK_check_in_confidence', `"confidence" IN ('on-track', 'at-risk', 'off-track')`)
export class CheckIn {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_check_in' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_check_in_workspace' })
  workspace?: Workspace;

  @Column({ name: 'key_result_id', type: 'uuid' })
  keyResultId!: string;

  @ManyToOne(() => KeyResult, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'key_result_id', foreignKeyConstraintName: 'FK_check_in_key_result' })
  keyResult?: KeyResult;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'author_user_id', foreignKeyConstraintName: 'FK_check_in_author_user' })
  author?: User;

  @Column({ type: 'double precision' })
  value!: number;

  @Column({ type: 'varchar', length: 16 })
  confidence!: Confidence;

  @Column({ type: 'text', default: '' })
  note!: string;

  /** The day the reading is for, `YYYY-MM-DD`. */
  @Column({ type: 'date' })
  date!: string;

  /** Millisecond precision: history pages by (date, created_at, id). */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
