import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The overdue-dependency reminder runs every minute over every workspace and asks only for open
 * dependencies (open, committed, blocked) whose need-by date has passed: a partial index on the
 * need-by date of those rows, so it reads the few still open, not every dependency ever made.
 */
export class IndexOpenDependenciesByNeedBy1765992400000 implements MigrationInterface {
  name = 'IndexOpenDependenciesByNeedBy1765992400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_program_dependency_open_need_by" ON "program_dependency" ("need_by") WHERE "status" IN ('open', 'committed', 'blocked')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_program_dependency_open_need_by"`);
  }
}
