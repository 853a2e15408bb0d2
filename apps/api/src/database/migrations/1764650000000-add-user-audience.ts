import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each user's audience preference (executive, stakeholder, team): their landing page. */
export class AddUserAudience1764650000000 implements MigrationInterface {
  name = 'AddUserAudience1764650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "user"
        ADD "audience" character varying(16) NOT NULL DEFAULT 'executive',
        ADD CONSTRAINT "CHK_user_audience"
          CHECK ("audience" IN ('executive', 'stakeholder', 'team'))
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "user" DROP CONSTRAINT "CHK_user_audience", DROP COLUMN "audience"`,
    );
  }
}
