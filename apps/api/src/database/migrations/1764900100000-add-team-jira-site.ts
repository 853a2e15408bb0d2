import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Jira site a team's items come from, read from the `self` links of a Jira JSON import, so
 * the work-item list can link each item to its issue. Teams imported before stay without one
 * until their next JSON import.
 */
export class AddTeamJiraSite1764900100000 implements MigrationInterface {
  name = 'AddTeamJiraSite1764900100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "team" ADD "jira_site" character varying(2048)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "team" DROP COLUMN "jira_site"`);
  }
}
