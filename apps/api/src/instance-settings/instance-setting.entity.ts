import type { WorkspaceCreation } from '@bearing/contracts';
import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The one row with id 1 holds the instance's settings; no row means the defaults. */
@Entity({ name: 'instance_setting' })
@Check('CHK_instance_setting_single_row', `"id" = 1`)
@Check(
  'CHK_instance_setting_workspace_creation',
  `"workspace_creation" IN ('everyone', 'instance-admins')`,
)
export class InstanceSetting {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'PK_instance_setting' })
  id!: number;

  /** Who may create workspaces. */
  @Column({
    name: 'workspace_creation',
    type: 'varchar',
    length: 16,
    default: 'instance-admins',
  })
  workspaceCreation!: WorkspaceCreation;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
