import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Saved queries of the query language, alert rules (a query on a schedule with a trigger) and
 * their alerts. At most one open (firing or acknowledged) alert per rule and group: the partial
 * unique index makes two worker processes evaluating one rule unable to open it twice.
 */
export class CreateAlertRules1765700000000 implements MigrationInterface {
  name = 'CreateAlertRules1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "saved_query" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "name" character varying(200) NOT NULL,
        "query" text NOT NULL,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_saved_query" PRIMARY KEY ("id"),
        CONSTRAINT "FK_saved_query_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_saved_query_workspace_id_name" ON "saved_query" ("workspace_id", "name")`,
    );
    await queryRunner.query(`
      CREATE TABLE "alert_rule" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "name" character varying(200) NOT NULL,
        "query" text NOT NULL,
        "every_minutes" integer NOT NULL,
        "lookback_minutes" integer NOT NULL,
        "trigger_column" character varying(128),
        "trigger_op" character varying(2) NOT NULL,
        "trigger_threshold" double precision NOT NULL,
        "severity" character varying(8) NOT NULL,
        "suppress_minutes" integer NOT NULL,
        "group_by" character varying(128),
        "enabled" boolean NOT NULL,
        "next_run_at" TIMESTAMP(3) WITH TIME ZONE,
        "last_run_at" TIMESTAMP(3) WITH TIME ZONE,
        "last_error" text,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "CHK_alert_rule_trigger_op" CHECK ("trigger_op" IN ('>', '>=', '<', '<=', '==', '!=')),
        CONSTRAINT "CHK_alert_rule_severity" CHECK ("severity" IN ('low', 'medium', 'high')),
        CONSTRAINT "PK_alert_rule" PRIMARY KEY ("id"),
        CONSTRAINT "FK_alert_rule_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_alert_rule_next_run_at" ON "alert_rule" ("next_run_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_alert_rule_workspace_id_name" ON "alert_rule" ("workspace_id", "name")`,
    );
    await queryRunner.query(`
      CREATE TABLE "alert" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "rule_id" uuid NOT NULL,
        "group_key" text NOT NULL,
        "state" character varying(16) NOT NULL,
        "first_seen_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "last_seen_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "resolved_at" TIMESTAMP(3) WITH TIME ZONE,
        "rows" jsonb NOT NULL,
        CONSTRAINT "CHK_alert_state" CHECK ("state" IN ('firing', 'acknowledged', 'resolved')),
        CONSTRAINT "PK_alert" PRIMARY KEY ("id"),
        CONSTRAINT "FK_alert_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_alert_rule" FOREIGN KEY ("rule_id")
          REFERENCES "alert_rule"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_alert_open_rule_id_group_key" ON "alert" ("rule_id", "group_key") WHERE "state" <> 'resolved'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_alert_rule_id_group_key_resolved_at" ON "alert" ("rule_id", "group_key", "resolved_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_alert_workspace_id_last_seen_at" ON "alert" ("workspace_id", "last_seen_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "alert"`);
    await queryRunner.query(`DROP TABLE "alert_rule"`);
    await queryRunner.query(`DROP TABLE "saved_query"`);
  }
}
