import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRateLimit1764200600000 implements MigrationInterface {
  name = 'CreateRateLimit1764200600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "rate_limit" (
        "key" character varying(300) NOT NULL,
        "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "hits" integer NOT NULL,
        CONSTRAINT "PK_rate_limit" PRIMARY KEY ("key")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limit"`);
  }
}
