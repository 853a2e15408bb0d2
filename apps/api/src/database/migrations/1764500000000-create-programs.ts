import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programs and their links to teams, objectives and guardrails. The link tables have no foreign
 * key to `team`, `objective` or `guardrail` on purpose: those features were built at the same
 * time, so the API checks each id against the workspace instead. A later migration adds the
 * three foreign keys (ON DELETE CASCADE) once they had landed.
 */
export class CreatePrograms1764500000000 implements MigrationInterface {
  name = 'CreatePrograms1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "program" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "workspace_id" uuid NOT NULL,
        "name" character varying(200) NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "owner_user_id" uuid NOT NULL,
        "start" date NOT NULL,
        "end" date,
        "health" character varying(16) NOT NULL,
        "health_reason" text,
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL,
        CONSTRAINT "CHK_program_end_not_before_start" CHECK ("end" IS NULL OR "end" >= "start"),
        CONSTRAINT "CHK_program_health" CHECK ("health" IN ('on-track', 'at-risk', 'off-track')),
        CONSTRAINT "PK_program" PRIMARY KEY ("id"),
        CONSTRAINT "FK_program_workspace" FOREIGN KEY ("workspace_id")
          REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_program_owner_user" FOREIGN KEY ("owner_user_id")
          REFERENCES "user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_program_workspace_id_created_at_id" ON "program" ("workspace_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_program_owner_user_id" ON "program" ("owner_user_id")`,
    );

    for (const [table, column] of [
      ['program_team', 'team_id'],
      ['program_objective', 'objective_id'],
      ['program_guardrail', 'guardrail_id'],
    ] as const) {
      await queryRunner.query(`
        CREATE TABLE "${table}" (
          "program_id" uuid NOT NULL,
          "${column}" uuid NOT NULL,
          CONSTRAINT "PK_${table}" PRIMARY KEY ("program_id", "${column}"),
          CONSTRAINT "FK_${table}_program" FOREIGN KEY ("program_id")
            REFERENCES "program"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        )`);
      await queryRunner.query(`CREATE INDEX "IDX_${table}_${column}" ON "${table}" ("${column}")`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "program_guardrail"`);
    await queryRunner.query(`DROP TABLE "program_objective"`);
    await queryRunner.query(`DROP TABLE "program_team"`);
    await queryRunner.query(`DROP TABLE "program"`);
  }
}
