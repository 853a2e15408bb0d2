import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/** A tenant: every piece of program data belongs to exactly one workspace. */
@Entity({ name: 'workspace' })
export class Workspace {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** URL name, e.g. `demo` in `/w/demo`; unique across the installation. */
  @Column({ type: 'varchar', length: 63, unique: true })
  slug!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Optimistic concurrency: a write carrying a stale version is refused with 409. */
  @VersionColumn()
  version!: number;
}
