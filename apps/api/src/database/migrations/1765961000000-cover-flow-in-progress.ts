import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The index of items in progress carries the last day of each one's history, so aging WIP
 * counts them and finds the oldest 1,000 from the index alone and reads the table rows of those
 * 1,000 only: abandoned items pile up there over the years, and reading every one's row made
 * aging WIP grow with the team's history. (Stage and id come along for the same reads; titles
 * stay out: they can be longer than an index entry may be.)
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
