import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A closed sprint keeps the availability it closed with: capacity history ("yesterday's
 * weather") read every past sprint with the team's members and default allocations of today,
 * so a member joining, leaving or changing their default rewrote the person-days of sprints
 * long closed.
 *
 * - `sprint.availability_frozen_at`: set when the sprint closes; its availability rows then
 *   hold the whole roster, each with `default_allocation` as it was at that moment.
 * - `sprint.availability_version`: optimistic concurrency of the availability PUT.
 * - `team_member.removed_at`: a member who leaves is kept (hidden) while a closed sprint counts
 *   them, instead of deleting their availability in every sprint.
 *
 * Of the sprints closed before this migration, those someone planned (with availability rows)
 * are frozen with the members and defaults known now — nothing better is stored; the others,
 * most imported already closed, have no roster Bearing knew and keep following the team.
 */
export class FreezeClosedSprintAvailability1765992000000 implements MigrationInterface {
  name = 'FreezeClosedSprintAvailability1765992000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "team_member" ADD "removed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "sprint" ADD "availability_version" integer NOT NULL DEFAULT 1`,
    );
    await queryRunner.query(
      `ALTER TABLE "sprint" ADD "availability_frozen_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "sprint_availability" ADD "default_allocation" double precision`,
    );
    await queryRunner.query(
      `ALTER TABLE "sprint_availability" ADD CONSTRAINT "CHK_sprint_availability_default_allocation"
         CHECK ("default_allocation" >= 0 AND "default_allocation" <= 1)`,
    );
    await queryRunner.query(
      `UPDATE "sprint" SET "availability_frozen_at" = now()
        WHERE "state" = 'closed'
          AND EXISTS (SELECT 1 FROM "sprint_availability" "availability"
                       WHERE "availability"."sprint_id" = "sprint"."id")`,
    );
    await queryRunner.query(
      `INSERT INTO "sprint_availability" ("sprint_id", "member_id", "allocation", "days_off", "default_allocation")
       SELECT "sprint"."id", "member"."id", NULL, '[]'::jsonb, "member"."allocation"
         FROM "sprint" JOIN "team_member" "member" ON "member"."team_id" = "sprint"."team_id"
        WHERE "sprint"."availability_frozen_at" IS NOT NULL
       ON CONFLICT ("sprint_id", "member_id")
       DO UPDATE SET "default_allocation" = EXCLUDED."default_allocation"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "team_member" WHERE "removed_at" IS NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "sprint_availability" DROP CONSTRAINT "CHK_sprint_availability_default_allocation"`,
    );
    await queryRunner.query(`ALTER TABLE "sprint_availability" DROP COLUMN "default_allocation"`);
    await queryRunner.query(`ALTER TABLE "sprint" DROP COLUMN "availability_frozen_at"`);
    await queryRunner.query(`ALTER TABLE "sprint" DROP COLUMN "availability_version"`);
    await queryRunner.query(`ALTER TABLE "team_member" DROP COLUMN "removed_at"`);
  }
}
