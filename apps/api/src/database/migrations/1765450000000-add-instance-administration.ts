import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Instance administration: an instance-admin flag on users (separate from workspace roles),
 * the instance's settings (who may create workspaces; no row means the defaults), and audit
 * events that belong to no workspace (sign-in, account and admin changes). The oldest account
 * — the first admin that start-up created — becomes the first instance admin.
 */
export class AddInstanceAdministration1765450000000 implements MigrationInterface {
  name = 'AddInstanceAdministration1765450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "user" ADD "instance_admin" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `UPDATE "user" SET "instance_admin" = true
        WHERE "id" = (SELECT "id" FROM "user" ORDER BY "created_at", "id" LIMIT 1)`,
    );
    await queryRunner.query(
      `CREATE TABLE "instance_setting" (
         "id" smallint NOT NULL,
         "workspace_creation" character varying(16) NOT NULL DEFAULT 'instance-admins',
         "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "CHK_instance_setting_single_row" CHECK ("id" = 1),
         CONSTRAINT "CHK_instance_setting_workspace_creation"
           CHECK ("workspace_creation" IN ('everyone', 'instance-admins')),
         CONSTRAINT "PK_instance_setting" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "audit_event" ALTER COLUMN "workspace_id" DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "audit_event" WHERE "workspace_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "audit_event" ALTER COLUMN "workspace_id" SET NOT NULL`);
    await queryRunner.query(`DROP TABLE "instance_setting"`);
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "instance_admin"`);
  }
}
