import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTeam1764400000000 implements MigrationInterface {
  name = 'CreateTeam1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "team" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "name" character varying(200) NOT NULL,
        "slug" character varying(63) NOT NULL,
        "time_zone" character varying(64) NOT NULL,
        "calendar" jsonb NOT NULL,
        "workflow" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "PK_team" PRIMARY KEY ("id"),
        CONSTRAINT "FK_team_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_team_workspace_id_slug" ON "team" ("workspace_id", "slug")`,
    );
    await queryRunner.query(`
      CREATE TABLE "team_member" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "team_id" uuid NOT NULL,
        "display_name" character varying(200) NOT NULL,
        "allocation" double precision NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "CHK_team_member_allocation" CHECK ("allocation" >= 0 AND "allocation" <= 1),
        CONSTRAINT "PK_team_member" PRIMARY KEY ("id"),
        CONSTRAINT "FK_team_member_team" FOREIGN KEY ("team_id")
          REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_team_member_team_id_display_name" ON "team_member" ("team_id", "display_name")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "team_member"`);
    await queryRunner.query(`DROP TABLE "team"`);
  }
}
