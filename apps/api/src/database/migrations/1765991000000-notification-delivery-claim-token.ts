import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A claimed notification delivery holds the random token its worker's claim stored: renewing the
 * claim before the send and recording the attempt require it, so a worker whose claim lapsed and
 * was taken over by another sends nothing and records nothing. Deliveries stored before have none;
 * one claimed among them is taken over once its claim lapses, as before.
 */
export class NotificationDeliveryClaimToken1765991000000 implements MigrationInterface {
  name = 'NotificationDeliveryClaimToken1765991000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_delivery" ADD "claim_token" uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_delivery" DROP COLUMN "claim_token"`);
  }
}
