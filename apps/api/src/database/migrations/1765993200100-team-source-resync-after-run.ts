import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Jira's webhook events that come while a sync runs may be edits that run no longer reads (it
 * listed its issues already): `resync_after_run_id` names that run, and another sync follows it
 * once it ends, in the transaction that ends it. No source has one before.
 */
export class TeamSourceResyncAfterRun1765993200100 implements MigrationInterface {
  name = 'TeamSourceResyncAfterRun1765993200100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "team_source" ADD "resync_after_run_id" uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "team_source" DROP COLUMN "resync_after_run_id"`);
  }
}
