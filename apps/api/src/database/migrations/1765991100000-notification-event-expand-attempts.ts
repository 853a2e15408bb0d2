import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counts the failed attempts to expand an outbox event into deliveries: a failed event stays in
 * the outbox and is tried again at the next tick, and is given up (marked expanded, logged) only
 * after five failures, rather than dropped after the first.
 */
export class NotificationEventExpandAttempts1765991100000 implements MigrationInterface {
  name = 'NotificationEventExpandAttempts1765991100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notification_event" ADD "expand_attempts" integer NOT NULL DEFAULT 0`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_event" DROP COLUMN "expand_attempts"`);
  }
}
