import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: the outbox of events (written in the transaction of the change that caused
 * them), follows, the in-app inbox, workspace channels (addresses sealed), one delivery row per
 * (event, recipient, channel) with its attempts, users' preferences, and users' time zones.
 */
export class CreateNotifications1765500000000 implements MigrationInterface {
  name = 'CreateNotifications1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user" ADD "time_zone" character varying(64)`);
    await queryRunner.query(
      `CREATE TABLE "notification_event" (
         "id" uuid NOT NULL DEFAULT gen_random_uuid(),
         "workspace_id" uuid NOT NULL,
         "event" character varying(32) NOT NULL,
         "subject_type" character varying(32) NOT NULL,
         "subject_id" character varying(100) NOT NULL,
         "title" character varying(300) NOT NULL,
         "body" text NOT NULL,
         "bodies" jsonb NOT NULL DEFAULT '{}',
         "path" character varying(1000) NOT NULL,
         "audience" jsonb NOT NULL,
         "dedupe_key" character varying(300) NOT NULL,
         "data" jsonb NOT NULL DEFAULT '{}',
         "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
         "expanded_at" TIMESTAMP WITH TIME ZONE,
         CONSTRAINT "UQ_notification_event_workspace_dedupe_key" UNIQUE ("workspace_id", "dedupe_key"),
         CONSTRAINT "PK_notification_event" PRIMARY KEY ("id"),
         CONSTRAINT "FK_notification_event_workspace" FOREIGN KEY ("workspace_id")
           REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notification_event_expanded_at" ON "notification_event" ("expanded_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "follow" (
         "workspace_id" uuid NOT NULL,
         "subject_type" character varying(16) NOT NULL,
         "subject_id" uuid NOT NULL,
         "user_id" uuid NOT NULL,
         "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
         "automatic" boolean NOT NULL DEFAULT false,
         CONSTRAINT "CHK_follow_subject_type"
           CHECK ("subject_type" IN ('program', 'metric', 'guardrail', 'team')),
         CONSTRAINT "PK_follow" PRIMARY KEY ("workspace_id", "subject_type", "subject_id", "user_id"),
         CONSTRAINT "FK_follow_workspace" FOREIGN KEY ("workspace_id")
           REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
         CONSTRAINT "FK_follow_user" FOREIGN KEY ("user_id")
           REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_follow_user_id_workspace_id" ON "follow" ("user_id", "workspace_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification" (
         "id" uuid NOT NULL DEFAULT gen_random_uuid(),
         "user_id" uuid NOT NULL,
         "workspace_id" uuid NOT NULL,
         "event_id" uuid NOT NULL,
         "event" character varying(32) NOT NULL,
         "subject_type" character varying(32) NOT NULL,
         "subject_id" character varying(100) NOT NULL,
         "title" character varying(300) NOT NULL,
         "body" text NOT NULL,
         "path" character varying(1000) NOT NULL,
         "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
         "read_at" TIMESTAMP WITH TIME ZONE,
         CONSTRAINT "UQ_notification_event_id_user_id" UNIQUE ("event_id", "user_id"),
         CONSTRAINT "PK_notification" PRIMARY KEY ("id"),
         CONSTRAINT "FK_notification_user" FOREIGN KEY ("user_id")
           REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
         CONSTRAINT "FK_notification_workspace" FOREIGN KEY ("workspace_id")
           REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
         CONSTRAINT "FK_notification_notification_event" FOREIGN KEY ("event_id")
           REFERENCES "notification_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notification_user_id_created_at_id" ON "notification" ("user_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_channel" (
         "id" uuid NOT NULL DEFAULT gen_random_uuid(),
         "workspace_id" uuid NOT NULL,
         "name" character varying(100) NOT NULL,
         "kind" character varying(8) NOT NULL,
         "sealed_url" text NOT NULL,
         "broken_at" TIMESTAMP WITH TIME ZONE,
         "broken_reason" character varying(300),
         "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
         "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "CHK_notification_channel_kind" CHECK ("kind" IN ('email', 'slack', 'teams')),
         CONSTRAINT "PK_notification_channel" PRIMARY KEY ("id"),
         CONSTRAINT "FK_notification_channel_workspace" FOREIGN KEY ("workspace_id")
           REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notification_channel_workspace_id" ON "notification_channel" ("workspace_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_delivery" (
         "id" uuid NOT NULL DEFAULT gen_random_uuid(),
         "workspace_id" uuid NOT NULL,
         "event_id" uuid NOT NULL,
         "user_id" uuid,
         "channel_id" uuid,
         "channel" character varying(8) NOT NULL,
         "dedupe_key" character varying(200) NOT NULL,
         "state" character varying(16) NOT NULL DEFAULT 'pending',
         "attempts" integer NOT NULL DEFAULT 0,
         "last_error" text,
         "next_attempt_at" TIMESTAMP WITH TIME ZONE,
         "claimed_until" TIMESTAMP WITH TIME ZONE,
         "sent_at" TIMESTAMP WITH TIME ZONE,
         "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "UQ_notification_delivery_dedupe_key" UNIQUE ("dedupe_key"),
         CONSTRAINT "CHK_notification_delivery_channel"
           CHECK ("channel" IN ('inbox', 'email', 'slack', 'teams')),
         CONSTRAINT "CHK_notification_delivery_state"
           CHECK ("state" IN ('pending', 'sent', 'retrying', 'dead')),
         CONSTRAINT "PK_notification_delivery" PRIMARY KEY ("id"),
         CONSTRAINT "FK_notification_delivery_workspace" FOREIGN KEY ("workspace_id")
           REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
         CONSTRAINT "FK_notification_delivery_notification_event" FOREIGN KEY ("event_id")
           REFERENCES "notification_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
         CONSTRAINT "FK_notification_delivery_user" FOREIGN KEY ("user_id")
           REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
         CONSTRAINT "FK_notification_delivery_notification_channel" FOREIGN KEY ("channel_id")
           REFERENCES "notification_channel"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notification_delivery_workspace_id_created_at_id" ON "notification_delivery" ("workspace_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notification_delivery_state_next_attempt_at" ON "notification_delivery" ("state", "next_attempt_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_preference" (
         "user_id" uuid NOT NULL,
         "events" jsonb NOT NULL DEFAULT '{}',
         "digest" boolean NOT NULL DEFAULT true,
         "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "PK_notification_preference" PRIMARY KEY ("user_id"),
         CONSTRAINT "FK_notification_preference_user" FOREIGN KEY ("user_id")
           REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification_preference"`);
    await queryRunner.query(`DROP TABLE "notification_delivery"`);
    await queryRunner.query(`DROP TABLE "notification_channel"`);
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP TABLE "follow"`);
    await queryRunner.query(`DROP TABLE "notification_event"`);
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "time_zone"`);
  }
}
