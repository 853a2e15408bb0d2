import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An alert keeps the columns of its rule's answer (name and type, in the query's order) beside
 * the matching rows: a jsonb object does not keep its keys' order, so without them the rows
 * came back in the database's key order. Alerts stored before have none; the page then orders
 * their columns as the rows' keys come.
 */
export class KeepAlertColumns1765980000000 implements MigrationInterface {
  name = 'KeepAlertColumns1765980000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alert" ADD "columns" jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alert" DROP COLUMN "columns"`);
  }
}
