import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOkrs1764300100000 implements MigrationInterface {
  name = 'CreateOkrs1764300100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "period" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "name" character varying(100) NOT NULL,
        "start" date NOT NULL,
        "end" date NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "CHK_period_end_not_before_start" CHECK ("end" >= "start"),
        CONSTRAINT "PK_period" PRIMARY KEY ("id"),
        CONSTRAINT "FK_period_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_period_workspace_id_start_id" ON "period" ("workspace_id", "start", "id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "objective" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "period_id" uuid NOT NULL,
        "owner_user_id" uuid NOT NULL,
        "parent_id" uuid,
        "title" character varying(200) NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "status" character varying(16) NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "CHK_objective_status" CHECK ("status" IN ('active', 'closed', 'cancelled')),
        CONSTRAINT "PK_objective" PRIMARY KEY ("id"),
        CONSTRAINT "FK_objective_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_objective_period" FOREIGN KEY ("period_id")
          REFERENCES "period"("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
        CONSTRAINT "FK_objective_owner_user" FOREIGN KEY ("owner_user_id")
          REFERENCES "user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
        CONSTRAINT "FK_objective_parent" FOREIGN KEY ("parent_id")
          REFERENCES "objective"("id") ON DELETE SET NULL ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_objective_workspace_id_created_at_id" ON "objective" ("workspace_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_objective_workspace_id_period_id" ON "objective" ("workspace_id", "period_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_objective_owner_user_id" ON "objective" ("owner_user_id")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_objective_parent_id" ON "objective" ("parent_id")`);

    await queryRunner.query(`
      CREATE TABLE "key_result" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "objective_id" uuid NOT NULL,
        "title" character varying(200) NOT NULL,
        "kind" character varying(16) NOT NULL,
        "unit" character varying(32) NOT NULL DEFAULT '',
        "baseline" double precision,
        "target" double precision NOT NULL,
        "weight" double precision NOT NULL DEFAULT '1',
        "cadence" character varying(16) NOT NULL,
        "metric_id" uuid,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "CHK_key_result_weight" CHECK ("weight" > 0),
        CONSTRAINT "CHK_key_result_cadence" CHECK ("cadence" IN ('weekly', 'biweekly', 'monthly')),
        CONSTRAINT "CHK_key_result_kind" CHECK ("kind" IN
          ('increase', 'decrease', 'stay-above', 'stay-below', 'milestone')),
        CONSTRAINT "PK_key_result" PRIMARY KEY ("id"),
        CONSTRAINT "FK_key_result_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_key_result_objective" FOREIGN KEY ("objective_id")
          REFERENCES "objective"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_key_result_metric" FOREIGN KEY ("metric_id")
          REFERENCES "metric"("id") ON DELETE SET NULL ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_key_result_workspace_id_created_at_id" ON "key_result" ("workspace_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_key_result_objective_id" ON "key_result" ("objective_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_key_result_metric_id" ON "key_result" ("metric_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "check_in" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "key_result_id" uuid NOT NULL,
        "author_user_id" uuid NOT NULL,
        "value" double precision NOT NULL,
        "confidence" character varying(16) NOT NULL,
        "note" text NOT NULL DEFAULT '',
        "date" date NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_check_in_confidence"
          CHECK ("confidence" IN ('on-track', 'at-risk', 'off-track')),
        CONSTRAINT "PK_check_in" PRIMARY KEY ("id"),
        CONSTRAINT "FK_check_in_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_check_in_key_result" FOREIGN KEY ("key_result_id")
          REFERENCES "key_result"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_check_in_author_user" FOREIGN KEY ("author_user_id")
          REFERENCES "user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_check_in_key_result_id_date_created_at_id" ON "check_in" ("key_result_id", "date", "created_at", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "check_in"`);
    await queryRunner.query(`DROP TABLE "key_result"`);
    await queryRunner.query(`DROP TABLE "objective"`);
    await queryRunner.query(`DROP TABLE "period"`);
  }
}
