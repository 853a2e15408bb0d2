import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Weekly status reports and the workspace's review settings. A trigger freezes a published
 * report: any UPDATE of it fails, whoever sends it.
 */
export class CreateStatusReports1764500400000 implements MigrationInterface {
  name = 'CreateStatusReports1764500400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "status_report" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "program_id" uuid NOT NULL,
        "week" date NOT NULL,
        "state" character varying(16) NOT NULL,
        "health" character varying(16) NOT NULL,
        "health_reason" text,
        "suggested_health" character varying(16) NOT NULL,
        "summary" text NOT NULL DEFAULT '',
        "highlights" jsonb NOT NULL DEFAULT '[]',
        "lowlights" jsonb NOT NULL DEFAULT '[]',
        "asks" jsonb NOT NULL DEFAULT '[]',
        "snapshot" jsonb NOT NULL,
        "generated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "published_at" TIMESTAMP(3) WITH TIME ZONE,
        "published_by_user_id" uuid,
        "created_by_user_id" uuid NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "CHK_status_report_published" CHECK (
          ("state" = 'published') = ("published_at" IS NOT NULL AND "published_by_user_id" IS NOT NULL)
        ),
        CONSTRAINT "CHK_status_report_suggested_health"
          CHECK ("suggested_health" IN ('on-track', 'at-risk', 'off-track')),
        CONSTRAINT "CHK_status_report_health"
          CHECK ("health" IN ('on-track', 'at-risk', 'off-track')),
        CONSTRAINT "CHK_status_report_state" CHECK ("state" IN ('draft', 'published')),
        CONSTRAINT "PK_status_report" PRIMARY KEY ("id"),
        CONSTRAINT "FK_status_report_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_status_report_program" FOREIGN KEY ("program_id")
          REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_status_report_published_by_user" FOREIGN KEY ("published_by_user_id")
          REFERENCES "user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
        CONSTRAINT "FK_status_report_created_by_user" FOREIGN KEY ("created_by_user_id")
          REFERENCES "user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_status_report_program_id_week" ON "status_report" ("program_id", "week")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_status_report_workspace_id_week" ON "status_report" ("workspace_id", "week")`,
    );
    await queryRunner.query(`
      CREATE FUNCTION "status_report_published_is_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'status report % is published and never changes', OLD."id"
          USING ERRCODE = 'check_violation';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_status_report_published_is_frozen"
        BEFORE UPDATE ON "status_report"
        FOR EACH ROW WHEN (OLD."state" = 'published')
        EXECUTE FUNCTION "status_report_published_is_frozen"()`);

    await queryRunner.query(`
      CREATE TABLE "review_setting" (
        "workspace_id" uuid NOT NULL,
        "review_weekday" smallint NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "CHK_review_setting_review_weekday" CHECK ("review_weekday" BETWEEN 0 AND 6),
        CONSTRAINT "PK_review_setting" PRIMARY KEY ("workspace_id"),
        CONSTRAINT "FK_review_setting_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "review_setting"`);
    await queryRunner.query(`DROP TABLE "status_report"`);
    await queryRunner.query(`DROP FUNCTION "status_report_published_is_frozen"()`);
  }
}
