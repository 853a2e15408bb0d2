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
  VersionColumn,
} from 'typeorm';
import type { RaidKind, RaidStatus } from '@bearing/contracts';
import { User } from '../../accounts/user.entity.js';
import { Workspace } from '../../workspaces/workspace.entity.js';
import { Program } from '../program.entity.js';

/** A risk, assumption, issue or dependency of a program's RAID log. Changes go to the history. */
@Entity({ name: 'raid_item' })
@Index('IDX_raid_item_program_id_created_at_id', ['programId', 'createdAt', 'id'])
@Check('CHK_raid_item_kind', `"kind" IN ('risk', 'assumption', 'issue', 'dependency')`)
@Check('CHK_raid_item_status', `"status" IN ('open', 'resolved', 'owned', 'accepted', 'mitigated')`)
@Check('CHK_raid_item_probability', `"probability" BETWEEN 1 AND 5`)
@Check('CHK_raid_item_impact', `"impact" BETWEEN 1 AND 5`)
export class RaidItem {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_raid_item' })
  id!: string;

  @Column({ name: 'workspace_id', type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id', foreignKeyConstraintName: 'FK_raid_item_workspace' })
  workspace?: Workspace;

  @Column({ name: 'program_id', type: 'uuid' })
  programId!: string;

  @ManyToOne(() => Program, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_id', foreignKeyConstraintName: 'FK_raid_item_program' })
  program?: Program;

  @Column({ type: 'varchar', length: 16 })
  kind!: RaidKind;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** 1–5; the score is probability × impact. */
  @Column({ type: 'smallint' })
  probability!: number;

  /** 1–5. */
  @Column({ type: 'smallint' })
  impact!: number;

  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true })
  ownerUserId!: string | null;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'owner_user_id', foreignKeyConstraintName: 'FK_raid_item_owner_user' })
  owner?: User | null;

  @Column({ type: 'text', default: '' })
  mitigation!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: RaidStatus;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Optimistic concurrency: an edit carrying a stale version is refused with 409. */
  @VersionColumn()
  version!: number;
}
