import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The flow read model: per item, the days it entered each workflow stage with its cycle and lead
 * time (`work_item_flow`); per team and day, how many items finished and entered each stage,
 * with running counts of cycle and lead times (`team_flow_day`); and per team, the stamp of the
 * workflow and time zone the rows were computed with (`team_flow_model`). Dashboards read these
 * instead of replaying every changelog per request. Teams are filled on their next import or
 * first flow read.
 */
export class CreateFlowReadModel1765000000000 implements MigrationInterface {
  name = 'CreateFlowReadModel1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "work_item_flow" (
      "work_item_id" uuid NOT NULL,
      "workspace_id" uuid NOT NULL,
      "team_id" uuid NOT NULL,
      "key" character varying(255) NOT NULL,
      "title" text NOT NULL,
      "has_history" boolean NOT NULL,
      "created_day" integer NOT NULL,
      "last_day" integer NOT NULL,
      "entry_days" integer[] NOT NULL,
      "committed_day" integer,
      "done_day" integer,
      "cycle_time" integer,
      "lead_time" integer,
      "stage" smallint,
      "done_rank" integer,
      CONSTRAINT "PK_work_item_flow" PRIMARY KEY ("work_item_id"),
      CONSTRAINT "FK_work_item_flow_work_item" FOREIGN KEY ("work_item_id")
        REFERENCES "work_item"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_work_item_flow_team_id" ON "work_item_flow" ("team_id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_work_item_flow_team_id_done_rank" ON "work_item_flow" ("team_id", "done_rank") WHERE "done_rank" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_work_item_flow_team_id_in_progress" ON "work_item_flow" ("team_id", "committed_day") WHERE "has_history" AND "done_day" IS NULL AND "committed_day" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_work_item_flow_team_id_last_day" ON "work_item_flow" ("team_id", "last_day") WHERE "has_history"`,
    );
    await queryRunner.query(`CREATE TABLE "team_flow_day" (
      "team_id" uuid NOT NULL,
      "day" integer NOT NULL,
      "done" integer NOT NULL,
      "entered" integer[] NOT NULL,
      "done_through" integer NOT NULL,
      "cycle_counts_through" integer[] NOT NULL,
      "lead_counts_through" integer[] NOT NULL,
      CONSTRAINT "PK_team_flow_day" PRIMARY KEY ("team_id", "day"),
      CONSTRAINT "FK_team_flow_day_team" FOREIGN KEY ("team_id")
        REFERENCES "team"("id") ON DELETE CASCADE
    )`);
    await queryRunner.query(`CREATE TABLE "team_flow_model" (
      "team_id" uuid NOT NULL,
      "stamp" character varying(64) NOT NULL,
      "refreshed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_team_flow_model" PRIMARY KEY ("team_id"),
      CONSTRAINT "FK_team_flow_model_team" FOREIGN KEY ("team_id")
        REFERENCES "team"("id") ON DELETE CASCADE
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "team_flow_model"`);
    await queryRunner.query(`DROP TABLE "team_flow_day"`);
    await queryRunner.query(`DROP TABLE "work_item_flow"`);
  }
}
