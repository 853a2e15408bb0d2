import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OpenID Connect single sign-on: attempts in flight (state, nonce, PKCE verifier, bound to the
 * browser by a hashed cookie), identities linked to accounts (issuer + subject), links waiting
 * for the account owner's password sign-in, and audit events that name no account (a refused
 * sign-on).
 */
export class AddSingleSignOn1765600000000 implements MigrationInterface {
  name = 'AddSingleSignOn1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "oidc_sign_in_attempt" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "browser_key_hash" character varying(64) NOT NULL,
        "state" character varying(100) NOT NULL,
        "nonce" character varying(100) NOT NULL,
        "code_verifier" character varying(200) NOT NULL,
        "next_path" character varying(2000) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_oidc_sign_in_attempt" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_oidc_sign_in_attempt_browser_key_hash"
         ON "oidc_sign_in_attempt" ("browser_key_hash")`,
    );
    await queryRunner.query(`
      CREATE TABLE "oidc_identity" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "issuer" character varying(500) NOT NULL,
        "subject" character varying(255) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_oidc_identity" PRIMARY KEY ("id"),
        CONSTRAINT "FK_oidc_identity_user" FOREIGN KEY ("user_id")
          REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_oidc_identity_issuer_subject" ON "oidc_identity" ("issuer", "subject")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_oidc_identity_user_id" ON "oidc_identity" ("user_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "oidc_pending_link" (
        "user_id" uuid NOT NULL,
        "issuer" character varying(500) NOT NULL,
        "subject" character varying(255) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_oidc_pending_link" PRIMARY KEY ("user_id"),
        CONSTRAINT "FK_oidc_pending_link_user" FOREIGN KEY ("user_id")
          REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`ALTER TABLE "audit_event" ALTER COLUMN "actor_user_id" DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "audit_event" WHERE "actor_user_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "audit_event" ALTER COLUMN "actor_user_id" SET NOT NULL`);
    await queryRunner.query(`DROP TABLE "oidc_pending_link"`);
    await queryRunner.query(`DROP TABLE "oidc_identity"`);
    await queryRunner.query(`DROP TABLE "oidc_sign_in_attempt"`);
  }
}
