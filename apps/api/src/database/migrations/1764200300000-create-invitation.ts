import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInvitation1764200300000 implements MigrationInterface {
  name = 'CreateInvitation1764200300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "invitation" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "email" character varying(254) NOT NULL,
        "role" character varying(16) NOT NULL,
        "token_hash" character varying(64) NOT NULL,
        "invited_by_user_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "accepted_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "UQ_invitation_token_hash" UNIQUE ("token_hash"),
        CONSTRAINT "CHK_invitation_role" CHECK ("role" IN ('viewer', 'editor', 'admin')),
        CONSTRAINT "PK_invitation" PRIMARY KEY ("id"),
        CONSTRAINT "FK_invitation_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_invitation_invited_by_user" FOREIGN KEY ("invited_by_user_id")
          REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_invitation_workspace_id_email" ON "invitation" ("workspace_id", "email")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "invitation"`);
  }
}
