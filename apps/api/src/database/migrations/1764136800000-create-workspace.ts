import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWorkspace1764136800000 implements MigrationInterface {
  name = 'CreateWorkspace1764136800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "workspace" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "slug" character varying(63) NOT NULL,
        "name" character varying(200) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "UQ_workspace_slug" UNIQUE ("slug"),
        CONSTRAINT "PK_workspace" PRIMARY KEY ("id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "workspace"`);
  }
}
