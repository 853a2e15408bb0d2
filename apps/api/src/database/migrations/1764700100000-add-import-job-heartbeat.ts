import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a running import last showed it was alive. A job `running` with an old heartbeat (or,
 * for rows from before this column, an old `created_at`) was cut off by a stopped server.
 */
export class AddImportJobHeartbeat1764700100000 implements MigrationInterface {
  name = 'AddImportJobHeartbeat1764700100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_job" ADD "heartbeat_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "import_job" DROP COLUMN "heartbeat_at"`);
  }
}
