import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUser1764200000000 implements MigrationInterface {
  name = 'CreateUser1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "user" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" character varying(254) NOT NULL,
        "display_name" character varying(100) NOT NULL,
        "password_hash" character varying(255) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "disabled_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "UQ_user_email" UNIQUE ("email"),
        CONSTRAINT "CHK_user_email_lowercase" CHECK ("email" = lower("email")),
        CONSTRAINT "PK_user" PRIMARY KEY ("id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "user"`);
  }
}
