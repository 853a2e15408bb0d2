import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A failing source is tried again at `retry_at`, not at every scheduler tick: each failure
 * waits at least the source's interval, and as long as the source has been failing (up to a
 * day). Saving the source, or its connection's token, account or site, clears it; so does a
 * sync that succeeds. Sources stored before have none: they are due as before.
 */
export class TeamSourceRetryAt1765993200000 implements MigrationInterface {
  name = 'TeamSourceRetryAt1765993200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "team_source" ADD "retry_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "team_source" DROP COLUMN "retry_at"`);
  }
}
