import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The metric-signal read model: one row per value of a metric's XmR analysis (its latest
 * analysed points) with the limits of its segment, the rules that fire on it and how long its
 * first rule has held — what the metric page's chart shows, stored for the query language's
 * `MetricSignals`. Refreshed in the transaction that writes a metric's points; metrics that
 * already have points are filled once at start-up (`MetricSignalsService`).
 */
export class CreateMetricSignal1765800000000 implements MigrationInterface {
  name = 'CreateMetricSignal1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "metric_signal" (
      "metric_id" uuid NOT NULL,
      "timestamp" TIMESTAMP WITH TIME ZONE NOT NULL,
      "value" double precision NOT NULL,
      "mean" double precision NOT NULL,
      "lower_limit" double precision,
      "upper_limit" double precision NOT NULL,
      "signal" character varying(100),
      "run" integer NOT NULL,
      CONSTRAINT "PK_metric_signal" PRIMARY KEY ("metric_id", "timestamp"),
      CONSTRAINT "FK_metric_signal_metric" FOREIGN KEY ("metric_id")
        REFERENCES "metric"("id") ON DELETE CASCADE
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "metric_signal"`);
  }
}
