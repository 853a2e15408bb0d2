import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The live Jira connection: a workspace's connections (token sealed by the SecretBox, with the
 * id of the key that sealed it), one source per team, the history of its syncs — at most one
 * queued or running per source — and `work_item.removed_at` for items that left the source's
 * query (kept with their history, left out of the metrics).
 */
export class CreateJiraSync1765550000000 implements MigrationInterface {
  name = 'CreateJiraSync1765550000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "jira_connection" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "name" character varying(200) NOT NULL,
        "base_url" character varying(2000) NOT NULL,
        "flavour" character varying(16) NOT NULL,
        "email" character varying(320),
        "secret_sealed" text NOT NULL,
        "secret_key_id" character varying(64) NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_jira_connection_flavour" CHECK ("flavour" IN ('cloud', 'data-center')),
        CONSTRAINT "PK_jira_connection" PRIMARY KEY ("id"),
        CONSTRAINT "FK_jira_connection_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_jira_connection_workspace_id_name_id" ON "jira_connection" ("workspace_id", "name", "id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "team_source" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "team_id" uuid NOT NULL,
        "connection_id" uuid NOT NULL,
        "jql" text,
        "board_id" integer,
        "story_points_field" character varying(200),
        "statuses" jsonb NOT NULL DEFAULT '{}',
        "interval_minutes" integer NOT NULL DEFAULT 30,
        "enabled" boolean NOT NULL DEFAULT true,
        "state" character varying(16) NOT NULL DEFAULT 'ok',
        "last_sync_at" TIMESTAMP WITH TIME ZONE,
        "last_error" text,
        "failing_since" TIMESTAMP WITH TIME ZONE,
        "watermark" TIMESTAMP WITH TIME ZONE,
        "reconciled_at" TIMESTAMP WITH TIME ZONE,
        "webhook_secret_hash" character varying(64),
        "updated_by_user_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_team_source_state" CHECK ("state" IN ('ok', 'syncing', 'broken')),
        CONSTRAINT "CHK_team_source_interval_minutes" CHECK ("interval_minutes" BETWEEN 15 AND 1440),
        CONSTRAINT "PK_team_source" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_team_source_team_id" UNIQUE ("team_id"),
        CONSTRAINT "FK_team_source_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_team_source_team" FOREIGN KEY ("team_id")
          REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_team_source_connection" FOREIGN KEY ("connection_id")
          REFERENCES "jira_connection"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_team_source_updated_by_user" FOREIGN KEY ("updated_by_user_id")
          REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_team_source_workspace_id" ON "team_source" ("workspace_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_team_source_connection_id" ON "team_source" ("connection_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "sync_run" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "source_id" uuid NOT NULL,
        "trigger" character varying(16) NOT NULL,
        "status" character varying(16) NOT NULL,
        "mode" character varying(16),
        "pages" integer NOT NULL DEFAULT 0,
        "created" integer NOT NULL DEFAULT 0,
        "updated" integer NOT NULL DEFAULT 0,
        "unchanged" integer NOT NULL DEFAULT 0,
        "removed" integer NOT NULL DEFAULT 0,
        "requests" integer NOT NULL DEFAULT 0,
        "retries" integer NOT NULL DEFAULT 0,
        "error" text,
        "active_source_id" uuid,
        "lease_until" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "started_at" TIMESTAMP WITH TIME ZONE,
        "finished_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "CHK_sync_run_trigger" CHECK ("trigger" IN ('schedule', 'manual', 'webhook')),
        CONSTRAINT "CHK_sync_run_status" CHECK ("status" IN ('queued', 'running', 'succeeded', 'failed')),
        CONSTRAINT "PK_sync_run" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_sync_run_active_source_id" UNIQUE ("active_source_id"),
        CONSTRAINT "FK_sync_run_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_sync_run_source" FOREIGN KEY ("source_id")
          REFERENCES "team_source"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_sync_run_source_id_created_at_id" ON "sync_run" ("source_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_sync_run_workspace_id" ON "sync_run" ("workspace_id")`,
    );
    await queryRunner.query(`ALTER TABLE "work_item" ADD "removed_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "work_item" DROP COLUMN "removed_at"`);
    await queryRunner.query(`DROP TABLE "sync_run"`);
    await queryRunner.query(`DROP TABLE "team_source"`);
    await queryRunner.query(`DROP TABLE "jira_connection"`);
  }
}
