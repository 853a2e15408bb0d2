import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateGuardrail1764300200000 implements MigrationInterface {
  name = 'CreateGuardrail1764300200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "guardrail" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "metric_id" uuid NOT NULL,
        "baseline" double precision NOT NULL,
        "threshold_type" character varying(16) NOT NULL,
        "threshold_value" double precision NOT NULL,
        "warn_at" double precision,
        "status" character varying(16),
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "CHK_guardrail_status" CHECK ("status" IN ('ok', 'warning', 'breached')),
        CONSTRAINT "CHK_guardrail_warn_at" CHECK ("warn_at" >= 0 AND "warn_at" <= 1),
        CONSTRAINT "CHK_guardrail_threshold_value" CHECK ("threshold_value" >= 0),
        CONSTRAINT "CHK_guardrail_threshold_type"
          CHECK ("threshold_type" IN ('absolute', 'relative')),
        CONSTRAINT "PK_guardrail" PRIMARY KEY ("id"),
        CONSTRAINT "FK_guardrail_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_guardrail_metric" FOREIGN KEY ("metric_id")
          REFERENCES "metric"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_guardrail_workspace_id_created_at_id" ON "guardrail" ("workspace_id", "created_at", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_guardrail_metric_id" ON "guardrail" ("metric_id")`);

    await queryRunner.query(`
      CREATE TABLE "guardrail_status_change" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "guardrail_id" uuid NOT NULL,
        "from_status" character varying(16),
        "to_status" character varying(16) NOT NULL,
        "value" double precision NOT NULL,
        "point_timestamp" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "cause" character varying(16) NOT NULL,
        "changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_guardrail_status_change_cause"
          CHECK ("cause" IN ('created', 'points', 'edited', 'metric-edited')),
        CONSTRAINT "CHK_guardrail_status_change_to_status"
          CHECK ("to_status" IN ('ok', 'warning', 'breached')),
        CONSTRAINT "PK_guardrail_status_change" PRIMARY KEY ("id"),
        CONSTRAINT "FK_guardrail_status_change_guardrail" FOREIGN KEY ("guardrail_id")
          REFERENCES "guardrail"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_guardrail_status_change_guardrail_id_changed_at_id" ON "guardrail_status_change" ("guardrail_id", "changed_at", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "guardrail_status_change"`);
    await queryRunner.query(`DROP TABLE "guardrail"`);
  }
}
