import type { EntityManager } from 'typeorm';
import type { AuditTargetType } from './audit-target.js';

/**
 * One query per kind that names a target by its id within its workspace ($1 = id,
 * $2 = workspace id), as its own page names it. Null for kinds whose rows hold no name the log
 * may show (a queue job: its details name its kind).
 */
const NAME_QUERIES: Record<AuditTargetType, string | null> = {
  workspace: `SELECT "name" FROM "workspace" WHERE "id" = $1 AND "id" = $2`,
  user: `SELECT "user"."display_name" AS "name" FROM "user"
           JOIN "membership" ON "membership"."user_id" = "user"."id"
          WHERE "user"."id" = $1 AND "membership"."workspace_id" = $2`,
  invitation: `SELECT "email" AS "name" FROM "invitation" WHERE "id" = $1 AND "workspace_id" = $2`,
  api_token: `SELECT "name" FROM "api_token" WHERE "id" = $1 AND "workspace_id" = $2`,
  period: `SELECT "name" FROM "period" WHERE "id" = $1 AND "workspace_id" = $2`,
  objective: `SELECT "title" AS "name" FROM "objective" WHERE "id" = $1 AND "workspace_id" = $2`,
  key_result: `SELECT "title" AS "name" FROM "key_result" WHERE "id" = $1 AND "workspace_id" = $2`,
  check_in: `SELECT "key_result"."title" || ' (' || "check_in"."date"::text || ')' AS "name"
               FROM "check_in" JOIN "key_result" ON "key_result"."id" = "check_in"."key_result_id"
              WHERE "check_in"."id" = $1 AND "check_in"."workspace_id" = $2`,
  metric: `SELECT "name" FROM "metric" WHERE "id" = $1 AND "workspace_id" = $2`,
  guardrail: `SELECT "metric"."name" FROM "guardrail"
                JOIN "metric" ON "metric"."id" = "guardrail"."metric_id"
               WHERE "guardrail"."id" = $1 AND "guardrail"."workspace_id" = $2`,
  team: `SELECT "name" FROM "team" WHERE "id" = $1 AND "workspace_id" = $2`,
  'team-member': `SELECT "team"."name" || ' / ' || "team_member"."display_name" AS "name"
                    FROM "team_member" JOIN "team" ON "team"."id" = "team_member"."team_id"
                   WHERE "team_member"."id" = $1 AND "team"."workspace_id" = $2`,
  sprint: `SELECT "team"."name" || ' / ' || "sprint"."name" AS "name"
             FROM "sprint" JOIN "team" ON "team"."id" = "sprint"."team_id"
            WHERE "sprint"."id" = $1 AND "team"."workspace_id" = $2`,
  import: `SELECT "import_job"."file_name" || ' into ' || "team"."name" AS "name"
             FROM "import_job" JOIN "team" ON "team"."id" = "import_job"."team_id"
            WHERE "import_job"."id" = $1 AND "import_job"."workspace_id" = $2`,
  job: null,
  program: `SELECT "name" FROM "program" WHERE "id" = $1 AND "workspace_id" = $2`,
  milestone: `SELECT "program"."name" || ' / ' || "milestone"."name" AS "name"
                FROM "milestone" JOIN "program" ON "program"."id" = "milestone"."program_id"
               WHERE "milestone"."id" = $1 AND "program"."workspace_id" = $2`,
  'raid-item': `SELECT "title" AS "name" FROM "raid_item" WHERE "id" = $1 AND "workspace_id" = $2`,
  dependency: `SELECT "description" AS "name" FROM "program_dependency"
                WHERE "id" = $1 AND "workspace_id" = $2`,
  'status-report': `SELECT "program"."name" || ', week of ' || "status_report"."week"::text AS "name"
                      FROM "status_report" JOIN "program" ON "program"."id" = "status_report"."program_id"
                     WHERE "status_report"."id" = $1 AND "status_report"."workspace_id" = $2`,
  'jira-connection': `SELECT "name" FROM "jira_connection" WHERE "id" = $1 AND "workspace_id" = $2`,
  'team-source': `SELECT "team"."name" AS "name" FROM "team_source"
                    JOIN "team" ON "team"."id" = "team_source"."team_id"
                   WHERE "team_source"."id" = $1 AND "team_source"."workspace_id" = $2`,
  'alert-rule': `SELECT "name" FROM "alert_rule" WHERE "id" = $1 AND "workspace_id" = $2`,
  'saved-query': `SELECT "name" FROM "saved_query" WHERE "id" = $1 AND "workspace_id" = $2`,
  'notification-channel': `SELECT "name" FROM "notification_channel"
                             WHERE "id" = $1 AND "workspace_id" = $2`,
  // Instance-level events: named by their details (an account's email), never by a workspace.
  account: null,
  instance: null,
};

/**
 * The target's name as its row reads inside the writer's transaction (so a rename is recorded
 * under its new name), or null when the row is gone (deleted by the write) or unnamed.
 */
export async function nameOfAuditTarget(
  manager: EntityManager,
  workspaceId: string,
  target: { type: AuditTargetType; id: string | null },
): Promise<string | null> {
  const sql = NAME_QUERIES[target.type];
  if (sql === null || target.id === null) return null;
  const rows: { name: string | null }[] = await manager.query(sql, [target.id, workspaceId]);
  return rows[0]?.name ?? null;
}
