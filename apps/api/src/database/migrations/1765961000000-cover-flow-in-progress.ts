import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The index of items in progress carries what aging WIP filters and orders them by (the last day
 * of each one's history, its stage and id), so counting them and finding the oldest 1,000 read
 * the index alone and only those 1,000 rows are read for their key and title: abandoned items
 * pile up there over the years, and reading every one's table page made aging WIP grow with the
 * team's history. Titles stay out of the index: they can be longer than an index entry may be.
 */
export class CoverFlowInProgress1765961000000 implements MigrationInterface {
  name = 'CoverFlowInProgress1765961000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_work_item_flow_team_id_in_progress"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_work_item_flow_team_id_in_progress" ON "work_item_flow" ("team_id", "committed_day") INCLUDE ("last_day", "stage", "work_item_id") WHERE "has_history" AND "done_day" IS NULL AND "committed_day" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_work_item_flow_team_id_in_progress"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_work_item_flow_team_id_in_progress" ON "work_item_flow" ("team_id", "committed_day") WHERE "has_history" AND "done_day" IS NULL AND "committed_day" IS NOT NULL`,
    );
  }
}
