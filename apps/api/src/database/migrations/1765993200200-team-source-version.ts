import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Gives team sources a version for optimistic concurrency: a save that carries the version it
 * started from is refused (409) once someone else saved the source since, so two editors no
 * longer overwrite each other's JQL or status mapping unseen. Sources stored so far start at 1.
 */
export class TeamSourceVersion1765993200200 implements MigrationInterface {
  name = 'TeamSourceVersion1765993200200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "team_source" ADD "version" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "team_source" ALTER COLUMN "version" DROP DEFAULT`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "team_source" DROP COLUMN "version"`);
  }
}
