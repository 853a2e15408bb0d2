import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMetric1764300000000 implements MigrationInterface {
  name = 'CreateMetric1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "metric" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "key" character varying(64) NOT NULL,
        "name" character varying(200) NOT NULL,
        "unit" character varying(32) NOT NULL DEFAULT '',
        "category" character varying(32) NOT NULL,
        "direction" character varying(16) NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "UQ_metric_workspace_id_key" UNIQUE ("workspace_id", "key"),
        CONSTRAINT "CHK_metric_direction"
          CHECK ("direction" IN ('increase-is-good', 'decrease-is-good')),
        CONSTRAINT "CHK_metric_category" CHECK ("category" IN
          ('adoption', 'usage', 'business-impact', 'technical-health', 'delivery')),
        CONSTRAINT "PK_metric" PRIMARY KEY ("id"),
        CONSTRAINT "FK_metric_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    // The primary key (metric_id, timestamp) is both the upsert target and the series index.
    await queryRunner.query(`
      CREATE TABLE "metric_point" (
        "metric_id" uuid NOT NULL,
        "timestamp" TIMESTAMP(3) WITH TIME ZONE NOT NULL,
        "value" double precision NOT NULL,
        CONSTRAINT "PK_metric_point" PRIMARY KEY ("metric_id", "timestamp"),
        CONSTRAINT "FK_metric_point_metric" FOREIGN KEY ("metric_id")
          REFERENCES "metric"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "metric_point"`);
    await queryRunner.query(`DROP TABLE "metric"`);
  }
}
