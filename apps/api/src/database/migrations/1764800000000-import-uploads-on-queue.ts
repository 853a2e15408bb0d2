import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports run as queue jobs: an import waits `queued` until a worker takes it, and its upload is
 * kept in the database (not one process's temporary directory) until the import has ended, so
 * any worker process can run it and a retried import finds its file.
 */
export class ImportUploadsOnQueue1764800000000 implements MigrationInterface {
  name = 'ImportUploadsOnQueue1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_job" DROP CONSTRAINT "CHK_import_job_status"`);
    await queryRunner.query(
      `ALTER TABLE "import_job" ADD CONSTRAINT "CHK_import_job_status" CHECK ("status" IN ('queued', 'running', 'completed', 'failed'))`,
    );
    await queryRunner.query(`
      CREATE TABLE "import_upload" (
        "import_job_id" uuid NOT NULL,
        "content" bytea NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_import_upload" PRIMARY KEY ("import_job_id"),
        CONSTRAINT "FK_import_upload_import_job" FOREIGN KEY ("import_job_id")
          REFERENCES "import_job"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "import_upload"`);
    await queryRunner.query(
      `UPDATE "import_job" SET "status" = 'failed' WHERE "status" = 'queued'`,
    );
    await queryRunner.query(`ALTER TABLE "import_job" DROP CONSTRAINT "CHK_import_job_status"`);
    await queryRunner.query(
      `ALTER TABLE "import_job" ADD CONSTRAINT "CHK_import_job_status" CHECK ("status" IN ('running', 'completed', 'failed'))`,
    );
  }
}
