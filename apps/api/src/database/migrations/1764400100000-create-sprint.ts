import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSprint1764400100000 implements MigrationInterface {
  name = 'CreateSprint1764400100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "sprint" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "team_id" uuid NOT NULL,
        "name" character varying(255) NOT NULL,
        "starts_at" TIMESTAMP WITH TIME ZONE,
        "ends_at" TIMESTAMP WITH TIME ZONE,
        "goal" text NOT NULL DEFAULT '',
        "state" character varying(16) NOT NULL,
        "completed_at" TIMESTAMP WITH TIME ZONE,
        "source" character varying(16) NOT NULL,
        "external_id" character varying(64),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "CHK_sprint_source" CHECK ("source" IN ('manual', 'jira')),
        CONSTRAINT "CHK_sprint_state" CHECK ("state" IN ('future', 'active', 'closed')),
        CONSTRAINT "PK_sprint" PRIMARY KEY ("id"),
        CONSTRAINT "FK_sprint_team" FOREIGN KEY ("team_id")
          REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_sprint_team_id_starts_at" ON "sprint" ("team_id", "starts_at")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_sprint_team_id_source_external_id" ON "sprint" ("team_id", "source", "external_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "sprint_availability" (
        "sprint_id" uuid NOT NULL,
        "member_id" uuid NOT NULL,
        "allocation" double precision,
        "days_off" jsonb NOT NULL DEFAULT '[]',
        CONSTRAINT "CHK_sprint_availability_allocation"
          CHECK ("allocation" >= 0 AND "allocation" <= 1),
        CONSTRAINT "PK_sprint_availability" PRIMARY KEY ("sprint_id", "member_id"),
        CONSTRAINT "FK_sprint_availability_sprint" FOREIGN KEY ("sprint_id")
          REFERENCES "sprint"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_sprint_availability_member" FOREIGN KEY ("member_id")
          REFERENCES "team_member"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_sprint_availability_member_id" ON "sprint_availability" ("member_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sprint_availability"`);
    await queryRunner.query(`DROP TABLE "sprint"`);
  }
}
