import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMembership1764200200000 implements MigrationInterface {
  name = 'CreateMembership1764200200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "membership" (
        "workspace_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "role" character varying(16) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "CHK_membership_role" CHECK ("role" IN ('viewer', 'editor', 'admin')),
        CONSTRAINT "PK_membership" PRIMARY KEY ("workspace_id", "user_id"),
        CONSTRAINT "FK_membership_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_membership_user" FOREIGN KEY ("user_id")
          REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_membership_user_id" ON "membership" ("user_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "membership"`);
  }
}
