import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateImportJob1764400300000 implements MigrationInterface {
  name = 'CreateImportJob1764400300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "import_job" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "team_id" uuid NOT NULL,
        "created_by_user_id" uuid,
        "format" character varying(16) NOT NULL,
        "file_name" character varying(255) NOT NULL,
        "file_size" integer NOT NULL,
        "status" character varying(16) NOT NULL,
        "progress" double precision NOT NULL DEFAULT '0',
        "result" jsonb,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "finished_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "CHK_import_job_format" CHECK ("format" IN ('jira-json', 'jira-csv')),
        CONSTRAINT "CHK_import_job_status" CHECK ("status" IN ('running', 'completed', 'failed')),
        CONSTRAINT "PK_import_job" PRIMARY KEY ("id"),
        CONSTRAINT "FK_import_job_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_import_job_team" FOREIGN KEY ("team_id")
          REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_import_job_created_by_user" FOREIGN KEY ("created_by_user_id")
          REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_import_job_team_id_created_at_id" ON "import_job" ("team_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_import_job_workspace_id" ON "import_job" ("workspace_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "import_job"`);
  }
}
