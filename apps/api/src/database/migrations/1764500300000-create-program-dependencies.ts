import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dependencies between teams and programs. Each side is a (kind, id) pair without a foreign key:
 * it may be a team or a program; the API checks both are records of the workspace.
 */
export class CreateProgramDependencies1764500300000 implements MigrationInterface {
  name = 'CreateProgramDependencies1764500300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "program_dependency" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "program_id" uuid NOT NULL,
        "from_kind" character varying(16) NOT NULL,
        "from_id" uuid NOT NULL,
        "to_kind" character varying(16) NOT NULL,
        "to_id" uuid NOT NULL,
        "description" text NOT NULL,
        "need_by" date NOT NULL,
        "status" character varying(16) NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "CHK_program_dependency_to_kind" CHECK ("to_kind" IN ('team', 'program')),
        CONSTRAINT "CHK_program_dependency_from_kind" CHECK ("from_kind" IN ('team', 'program')),
        CONSTRAINT "CHK_program_dependency_status"
          CHECK ("status" IN ('open', 'committed', 'blocked', 'delivered', 'cancelled')),
        CONSTRAINT "PK_program_dependency" PRIMARY KEY ("id"),
        CONSTRAINT "FK_program_dependency_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_program_dependency_program" FOREIGN KEY ("program_id")
          REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_program_dependency_program_id_need_by_id" ON "program_dependency" ("program_id", "need_by", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "program_dependency"`);
  }
}
