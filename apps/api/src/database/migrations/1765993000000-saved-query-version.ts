import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Gives saved queries a version for optimistic concurrency: an edit must carry the version it
 * started from, so two people saving the same query no longer overwrite each other unseen. The
 * queries saved so far start at version 1.
 */
export class SavedQueryVersion1765993000000 implements MigrationInterface {
  name = 'SavedQueryVersion1765993000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "saved_query" ADD "version" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "saved_query" ALTER COLUMN "version" DROP DEFAULT`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "saved_query" DROP COLUMN "version"`);
  }
}
