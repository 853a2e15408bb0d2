import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single-table kinds of audit target: the label's kind word, the table and its naming column.
 * Kept here rather than imported, so this migration does the same thing forever.
 */
const NAMED_TARGETS: [type: string, kind: string, table: string, column: string][] = [
  ['workspace', 'Workspace', 'workspace', 'name'],
  ['user', 'Member', 'user', 'display_name'],
  ['invitation', 'Invitation', 'invitation', 'email'],
  ['api_token', 'API token', 'api_token', 'name'],
  ['period', 'Period', 'period', 'name'],
  ['objective', 'Objective', 'objective', 'title'],
  ['key_result', 'Key result', 'key_result', 'title'],
  ['metric', 'Metric', 'metric', 'name'],
  ['team', 'Team', 'team', 'name'],
  ['team-member', 'Team member', 'team_member', 'display_name'],
  ['sprint', 'Sprint', 'sprint', 'name'],
  ['import', 'Import', 'import_job', 'file_name'],
  ['program', 'Program', 'program', 'name'],
  ['milestone', 'Milestone', 'milestone', 'name'],
  ['raid-item', 'RAID item', 'raid_item', 'title'],
  ['dependency', 'Dependency', 'program_dependency', 'description'],
];

/**
 * Each audit event names its target in words at the time of the event ("Team · Platform").
 * Earlier events get a best-effort label: the target's current name, else a name their details
 * carry (deleted targets), else none — the log shows "—" for those.
 */
export class AddAuditTargetLabel1764900000000 implements MigrationInterface {
  name = 'AddAuditTargetLabel1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_event" ADD "target_label" character varying(300)`);
    for (const [type, kind, table, column] of NAMED_TARGETS) {
      await queryRunner.query(
        `UPDATE "audit_event" SET "target_label" = left($2 || ' · ' || "target"."${column}", 300)
           FROM "${table}" AS "target"
          WHERE "audit_event"."target_type" = $1 AND "target"."id" = "audit_event"."target_id"`,
        [type, kind],
      );
    }
    const kinds = Object.fromEntries(NAMED_TARGETS.map(([type, kind]) => [type, kind]));
    await queryRunner.query(
      `UPDATE "audit_event"
          SET "target_label" = left(($1::jsonb ->> "target_type") || ' · ' || coalesce(
                "details" ->> 'name', "details" ->> 'title', "details" ->> 'displayName',
                "details" ->> 'email', "details" ->> 'fileName', "details" ->> 'key'), 300)
        WHERE "target_label" IS NULL AND $1::jsonb ? "target_type"
          AND coalesce("details" ->> 'name', "details" ->> 'title', "details" ->> 'displayName',
                "details" ->> 'email', "details" ->> 'fileName', "details" ->> 'key') IS NOT NULL`,
      [JSON.stringify(kinds)],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "target_label"`);
  }
}
