import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditEvent1764200500000 implements MigrationInterface {
  name = 'CreateAuditEvent1764200500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "audit_event" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "actor_user_id" uuid NOT NULL,
        "actor_token_id" uuid,
        "action" character varying(64) NOT NULL,
        "target_type" character varying(32) NOT NULL,
        "target_id" uuid,
        "request_id" character varying(100),
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "details" jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT "PK_audit_event" PRIMARY KEY ("id"),
        CONSTRAINT "FK_audit_event_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_audit_event_actor_user" FOREIGN KEY ("actor_user_id")
          REFERENCES "user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
        CONSTRAINT "FK_audit_event_actor_token" FOREIGN KEY ("actor_token_id")
          REFERENCES "api_token"("id") ON DELETE SET NULL ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_event_workspace_id_created_at_id" ON "audit_event" ("workspace_id", "created_at", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_event"`);
  }
}
