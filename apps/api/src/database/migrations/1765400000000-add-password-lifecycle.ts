import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password lifecycle and session list: a user may be required to choose a new password (the
 * generated first admin, accounts made with an initial password by someone else); sessions
 * remember the browser and address they were started from; one-time reset links.
 */
export class AddPasswordLifecycle1765400000000 implements MigrationInterface {
  name = 'AddPasswordLifecycle1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "user" ADD "must_change_password" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "session" ADD "user_agent" character varying(300)`);
    await queryRunner.query(`ALTER TABLE "session" ADD "ip" character varying(64)`);
    await queryRunner.query(`
      CREATE TABLE "password_reset" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "token_hash" character varying(64) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "UQ_password_reset_token_hash" UNIQUE ("token_hash"),
        CONSTRAINT "PK_password_reset" PRIMARY KEY ("id"),
        CONSTRAINT "FK_password_reset_user" FOREIGN KEY ("user_id")
          REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_password_reset_user_id" ON "password_reset" ("user_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "password_reset"`);
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "ip"`);
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "user_agent"`);
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "must_change_password"`);
  }
}
