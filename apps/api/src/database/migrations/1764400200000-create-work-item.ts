import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Work items and their history. The indexes serve the read models: a team's items in
 * creation order, a sprint's scope changes, and every change of an item by its primary key.
 * `work_item.workspace_id` and `work_item_sprint_change.sprint_id` have no foreign keys on
 * purpose (see the entities): per-row key checks were most of an import's cost.
 */
export class CreateWorkItem1764400200000 implements MigrationInterface {
  name = 'CreateWorkItem1764400200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "work_item" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "team_id" uuid NOT NULL,
        "source" character varying(32) NOT NULL,
        "key" character varying(255) NOT NULL,
        "type" character varying(100) NOT NULL,
        "title" text NOT NULL,
        "points" double precision,
        "initial_points" double precision,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "status" character varying(255) NOT NULL,
        "initial_status" character varying(255),
        "resolved_at" TIMESTAMP WITH TIME ZONE,
        "parent_key" character varying(255),
        "has_history" boolean NOT NULL,
        "fields_digest" character varying(64) NOT NULL,
        "history_digest" character varying(64),
        "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_work_item" PRIMARY KEY ("id"),
        CONSTRAINT "FK_work_item_team" FOREIGN KEY ("team_id")
          REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_work_item_team_id_source_key" ON "work_item" ("team_id", "source", "key")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_work_item_team_id_created_at_id" ON "work_item" ("team_id", "created_at", "id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "work_item_status_change" (
        "work_item_id" uuid NOT NULL,
        "seq" integer NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "from_status" character varying(255),
        "to_status" character varying(255) NOT NULL,
        CONSTRAINT "PK_work_item_status_change" PRIMARY KEY ("work_item_id", "seq"),
        CONSTRAINT "FK_work_item_status_change_work_item" FOREIGN KEY ("work_item_id")
          REFERENCES "work_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`
      CREATE TABLE "work_item_sprint_change" (
        "work_item_id" uuid NOT NULL,
        "seq" integer NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "sprint_id" uuid NOT NULL,
        "change" character varying(8) NOT NULL,
        CONSTRAINT "CHK_work_item_sprint_change_change" CHECK ("change" IN ('added', 'removed')),
        CONSTRAINT "PK_work_item_sprint_change" PRIMARY KEY ("work_item_id", "seq"),
        CONSTRAINT "FK_work_item_sprint_change_work_item" FOREIGN KEY ("work_item_id")
          REFERENCES "work_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_work_item_sprint_change_sprint_id" ON "work_item_sprint_change" ("sprint_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "work_item_estimate_change" (
        "work_item_id" uuid NOT NULL,
        "seq" integer NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "points" double precision,
        CONSTRAINT "PK_work_item_estimate_change" PRIMARY KEY ("work_item_id", "seq"),
        CONSTRAINT "FK_work_item_estimate_change_work_item" FOREIGN KEY ("work_item_id")
          REFERENCES "work_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`
      CREATE TABLE "work_item_sprint" (
        "work_item_id" uuid NOT NULL,
        "sprint_id" uuid NOT NULL,
        CONSTRAINT "PK_work_item_sprint" PRIMARY KEY ("work_item_id", "sprint_id"),
        CONSTRAINT "FK_work_item_sprint_work_item" FOREIGN KEY ("work_item_id")
          REFERENCES "work_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_work_item_sprint_sprint" FOREIGN KEY ("sprint_id")
          REFERENCES "sprint"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_work_item_sprint_sprint_id" ON "work_item_sprint" ("sprint_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "work_item_sprint"`);
    await queryRunner.query(`DROP TABLE "work_item_estimate_change"`);
    await queryRunner.query(`DROP TABLE "work_item_sprint_change"`);
    await queryRunner.query(`DROP TABLE "work_item_status_change"`);
    await queryRunner.query(`DROP TABLE "work_item"`);
  }
}
