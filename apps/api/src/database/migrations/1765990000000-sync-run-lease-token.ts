import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A running sync run holds the random token its worker's claim stored: renewing the lease,
 * writing a batch and ending the run require it, so a worker whose lapsed lease another took
 * over can no longer pass for the run's worker. Runs stored before have none; a running one
 * among them is taken over once its lease lapses, as before.
 */
export class SyncRunLeaseToken1765990000000 implements MigrationInterface {
  name = 'SyncRunLeaseToken1765990000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sync_run" ADD "lease_token" uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sync_run" DROP COLUMN "lease_token"`);
  }
}
