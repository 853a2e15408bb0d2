import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Multi-factor authentication: a TOTP authenticator per user (its secret sealed), ten hashed
 * one-time recovery codes, the tickets that carry a sign-in from the password to the code, and
 * a flag on the user read with every request (an instance admin may have to enrol first).
 */
export class AddMfa1765630000000 implements MigrationInterface {
  name = 'AddMfa1765630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user" ADD "mfa_enabled" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
      CREATE TABLE "totp_credential" (
        "user_id" uuid NOT NULL,
        "sealed_secret" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "confirmed_at" TIMESTAMP WITH TIME ZONE,
        "last_used_step" bigint,
        CONSTRAINT "PK_totp_credential" PRIMARY KEY ("user_id"),
        CONSTRAINT "FK_totp_credential_user" FOREIGN KEY ("user_id")
          REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`
      CREATE TABLE "recovery_code" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "code_hash" character varying(255) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_recovery_code" PRIMARY KEY ("id"),
        CONSTRAINT "FK_recovery_code_user" FOREIGN KEY ("user_id")
          REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_recovery_code_user_id" ON "recovery_code" ("user_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "mfa_ticket" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "token_hash" character varying(64) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "failed_attempts" integer NOT NULL DEFAULT 0,
        "used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "UQ_mfa_ticket_token_hash" UNIQUE ("token_hash"),
        CONSTRAINT "PK_mfa_ticket" PRIMARY KEY ("id"),
        CONSTRAINT "FK_mfa_ticket_user" FOREIGN KEY ("user_id")
          REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_mfa_ticket_user_id" ON "mfa_ticket" ("user_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "mfa_ticket"`);
    await queryRunner.query(`DROP TABLE "recovery_code"`);
    await queryRunner.query(`DROP TABLE "totp_credential"`);
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "mfa_enabled"`);
  }
}
