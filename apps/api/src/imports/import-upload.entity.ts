import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ImportJob } from './import-job.entity.js';

/**
 * The uploaded file of an import that has not ended yet, kept in the database so that whichever
 * worker takes the job (or retries it) can read it; deleted when the import ends.
 */
@Entity({ name: 'import_upload' })
export class ImportUpload {
  @PrimaryColumn({
    name: 'import_job_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_import_upload',
  })
  importJobId!: string;

  @OneToOne(() => ImportJob, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_job_id', foreignKeyConstraintName: 'FK_import_upload_import_job' })
  importJob?: ImportJob;

  @Column({ type: 'bytea' })
  content!: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
