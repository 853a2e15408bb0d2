import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Milestones and the history of their date moves. A trigger keeps the baseline date as it was
 * inserted: "history is kept" holds even for writes that bypass the API.
 */
export class CreateMilestones1764500100000 implements MigrationInterface {
  name = 'CreateMilestones1764500100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "milestone" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "program_id" uuid NOT NULL,
        "name" character varying(200) NOT NULL,
        "baseline_date" date NOT NULL,
        "current_date" date NOT NULL,
        "completed_at" date,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "PK_milestone" PRIMARY KEY ("id"),
        CONSTRAINT "FK_milestone_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_milestone_program" FOREIGN KEY ("program_id")
          REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_milestone_program_id_baseline_date_id" ON "milestone" ("program_id", "baseline_date", "id")`,
    );
    await queryRunner.query(`
      CREATE FUNCTION "milestone_baseline_is_fixed"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the baseline date of milestone % is never rewritten', OLD."id"
          USING ERRCODE = 'check_violation';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_milestone_baseline_is_fixed"
        BEFORE UPDATE OF "baseline_date" ON "milestone"
        FOR EACH ROW WHEN (OLD."baseline_date" IS DISTINCT FROM NEW."baseline_date")
        EXECUTE FUNCTION "milestone_baseline_is_fixed"()`);

    await queryRunner.query(`
      CREATE TABLE "milestone_date_change" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "milestone_id" uuid NOT NULL,
        "from_date" date NOT NULL,
        "to_date" date NOT NULL,
        "reason" text NOT NULL,
        "author_user_id" uuid NOT NULL,
        "changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_milestone_date_change" PRIMARY KEY ("id"),
        CONSTRAINT "FK_milestone_date_change_milestone" FOREIGN KEY ("milestone_id")
          REFERENCES "milestone"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_milestone_date_change_author_user" FOREIGN KEY ("author_user_id")
          REFERENCES "user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_milestone_date_change_milestone_id_changed_at_id" ON "milestone_date_change" ("milestone_id", "changed_at", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "milestone_date_change"`);
    await queryRunner.query(`DROP TABLE "milestone"`);
    await queryRunner.query(`DROP FUNCTION "milestone_baseline_is_fixed"()`);
  }
}
