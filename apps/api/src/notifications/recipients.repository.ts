import type { Audience, FollowSubjectType, WorkspaceRole } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';

/** A current, active member of the workspace who may receive an event. */
export type Recipient = {
  userId: string;
  email: string;
  audience: Audience;
  role: WorkspaceRole;
};

/**
 * The workspace's active members among `userIds` (all members when `userIds` is null): only
 * members hear about a workspace, and a disabled account hears nothing.
 */
export async function membersAmong(
  manager: EntityManager,
  workspaceId: string,
  userIds: string[] | null,
): Promise<Recipient[]> {
  const rows: { user_id: string; email: string; audience: Audience; role: WorkspaceRole }[] =
    await manager.query(
      `SELECT m."user_id", u."email", u."audience", m."role"
         FROM "membership" m JOIN "user" u ON u."id" = m."user_id"
        WHERE m."workspace_id" = $1 AND u."disabled_at" IS NULL
          AND ($2::uuid[] IS NULL OR m."user_id" = ANY($2::uuid[]))
        ORDER BY m."user_id"`,
      [workspaceId, userIds],
    );
  return rows.map((row) => ({
    userId: row.user_id,
    email: row.email,
    audience: row.audience,
    role: row.role,
  }));
}

/** The workspace's admins (active accounts). */
export async function workspaceAdminIds(
  manager: EntityManager,
  workspaceId: string,
): Promise<string[]> {
  const rows: { user_id: string }[] = await manager.query(
    `SELECT m."user_id" FROM "membership" m JOIN "user" u ON u."id" = m."user_id"
      WHERE m."workspace_id" = $1 AND m."role" = 'admin' AND u."disabled_at" IS NULL`,
    [workspaceId],
  );
  return rows.map((row) => row.user_id);
}

/** Who follows any of these subjects in the workspace. */
export async function followerIds(
  manager: EntityManager,
  workspaceId: string,
  subjects: { type: FollowSubjectType; id: string }[],
): Promise<string[]> {
  if (subjects.length === 0) return [];
  const rows: { user_id: string }[] = await manager.query(
    `SELECT DISTINCT f."user_id" FROM "follow" f
       JOIN unnest($2::text[], $3::text[]) AS s("type", "id")
         ON f."subject_type" = s."type" AND f."subject_id"::text = s."id"
      WHERE f."workspace_id" = $1`,
    [workspaceId, subjects.map((subject) => subject.type), subjects.map((subject) => subject.id)],
  );
  return rows.map((row) => row.user_id);
}

/** The slug and name of a workspace, for links and the inbox. */
export async function workspaceLabel(
  manager: EntityManager,
  workspaceId: string,
): Promise<{ slug: string; name: string } | undefined> {
  const rows: { slug: string; name: string }[] = await manager.query(
    `SELECT "slug", "name" FROM "workspace" WHERE "id" = $1`,
    [workspaceId],
  );
  return rows[0];
}

const SUBJECT_TABLES: Record<FollowSubjectType, string> = {
  program: 'program',
  metric: 'metric',
  guardrail: 'guardrail',
  team: 'team',
};

/** Whether the workspace has this program, metric, guardrail or team. */
export async function subjectExists(
  manager: EntityManager,
  workspaceId: string,
  subject: { type: FollowSubjectType; id: string },
): Promise<boolean> {
  const table = SUBJECT_TABLES[subject.type];
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM "${table}" WHERE "id" = $1 AND "workspace_id" = $2`,
    [subject.id, workspaceId],
  );
  return rows.length > 0;
}
