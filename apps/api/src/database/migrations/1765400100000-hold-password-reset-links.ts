import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Until Bearing sends email, a reset link is shown to instance admins, who pass it on: the
 * link's secret is kept sealed (AES-256-GCM with the instance's secret key) beside its hash.
 */
export class HoldPasswordResetLinks1765400100000 implements MigrationInterface {
  name = 'HoldPasswordResetLinks1765400100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "password_reset" ADD "sealed_token" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "password_reset" DROP COLUMN "sealed_token"`);
  }
}
