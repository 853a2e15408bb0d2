import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApiToken1764200400000 implements MigrationInterface {
  name = 'CreateApiToken1764200400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "api_token" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "workspace_id" uuid NOT NULL,
        "name" character varying(100) NOT NULL,
        "scope" character varying(8) NOT NULL,
        "token_hash" character varying(64) NOT NULL,
        "token_prefix" character varying(16) NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "last_used_at" TIMESTAMP WITH TIME ZONE,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "UQ_api_token_token_hash" UNIQUE ("token_hash"),
        CONSTRAINT "CHK_api_token_scope" CHECK ("scope" IN ('read', 'write')),
        CONSTRAINT "PK_api_token" PRIMARY KEY ("id"),
        CONSTRAINT "FK_api_token_user" FOREIGN KEY ("user_id")
          REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_api_token_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_api_token_user_id_created_at" ON "api_token" ("user_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_api_token_workspace_id_created_at" ON "api_token" ("workspace_id", "created_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "api_token"`);
  }
}
