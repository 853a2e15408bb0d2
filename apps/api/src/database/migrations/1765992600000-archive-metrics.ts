import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lets a metric be archived: retired from the metrics list and the portfolio's KPI tiles, and
 * refusing new points, while its history, guardrails and key results stay. Reversible, so a
 * metric is never deleted with its points.
 */
export class ArchiveMetrics1765992600000 implements MigrationInterface {
  name = 'ArchiveMetrics1765992600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "metric" ADD "archived" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "metric" DROP COLUMN "archived"`);
  }
}
