import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Jira webhooks of team sources: the signing secret (sealed, with its key id) when a team set
 * one, the last request, and the marker that gathers a burst of events into one sync.
 */
export class CreateJiraWebhook1765580000000 implements MigrationInterface {
  name = 'CreateJiraWebhook1765580000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "jira_webhook" (
        "source_id" uuid NOT NULL,
        "workspace_id" uuid NOT NULL,
        "signing_secret_sealed" text,
        "signing_secret_key_id" character varying(64),
        "last_received_at" TIMESTAMP WITH TIME ZONE,
        "pending_since" TIMESTAMP WITH TIME ZONE,
        "pending_burst_id" uuid,
        CONSTRAINT "PK_jira_webhook" PRIMARY KEY ("source_id"),
        CONSTRAINT "FK_jira_webhook_source" FOREIGN KEY ("source_id")
          REFERENCES "team_source"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_jira_webhook_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_jira_webhook_workspace_id" ON "jira_webhook" ("workspace_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "jira_webhook"`);
  }
}
