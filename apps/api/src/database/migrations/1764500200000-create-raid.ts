import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The RAID log: items scored probability × impact, and the history of every change. */
export class CreateRaid1764500200000 implements MigrationInterface {
  name = 'CreateRaid1764500200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "raid_item" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "program_id" uuid NOT NULL,
        "kind" character varying(16) NOT NULL,
        "title" character varying(200) NOT NULL,
        "probability" smallint NOT NULL,
        "impact" smallint NOT NULL,
        "owner_user_id" uuid,
        "mitigation" text NOT NULL DEFAULT '',
        "status" character varying(16) NOT NULL,
        "due_date" date,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "CHK_raid_item_impact" CHECK ("impact" BETWEEN 1 AND 5),
        CONSTRAINT "CHK_raid_item_probability" CHECK ("probability" BETWEEN 1 AND 5),
        CONSTRAINT "CHK_raid_item_status"
          CHECK ("status" IN ('open', 'resolved', 'owned', 'accepted', 'mitigated')),
        CONSTRAINT "CHK_raid_item_kind"
          CHECK ("kind" IN ('risk', 'assumption', 'issue', 'dependency')),
        CONSTRAINT "PK_raid_item" PRIMARY KEY ("id"),
        CONSTRAINT "FK_raid_item_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_raid_item_program" FOREIGN KEY ("program_id")
          REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_raid_item_owner_user" FOREIGN KEY ("owner_user_id")
          REFERENCES "user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_raid_item_program_id_created_at_id" ON "raid_item" ("program_id", "created_at", "id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "raid_item_change" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "raid_item_id" uuid NOT NULL,
        "action" character varying(16) NOT NULL,
        "changes" jsonb NOT NULL,
        "author_user_id" uuid NOT NULL,
        "changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_raid_item_change_action" CHECK ("action" IN ('created', 'updated')),
        CONSTRAINT "PK_raid_item_change" PRIMARY KEY ("id"),
        CONSTRAINT "FK_raid_item_change_raid_item" FOREIGN KEY ("raid_item_id")
          REFERENCES "raid_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_raid_item_change_author_user" FOREIGN KEY ("author_user_id")
          REFERENCES "user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_raid_item_change_raid_item_id_changed_at_id" ON "raid_item_change" ("raid_item_id", "changed_at", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "raid_item_change"`);
    await queryRunner.query(`DROP TABLE "raid_item"`);
  }
}
