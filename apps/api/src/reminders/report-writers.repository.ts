import type { EntityManager } from 'typeorm';

/**
 * Where a program's owner stands in its workspace today: a `writer` (an active editor or admin)
 * can write the program's status report; a `viewer` cannot; one who left the workspace or whose
 * account is disabled hears nothing from it.
 */
export type OwnerStanding = 'writer' | 'viewer' | 'not-member' | 'disabled';

/** The standing of each of `userIds` in the workspace (a user not found is `not-member`). */
export async function ownerStandings(
  manager: EntityManager,
  workspaceId: string,
  userIds: readonly string[],
): Promise<Map<string, OwnerStanding>> {
  const standings = new Map<string, OwnerStanding>(userIds.map((id) => [id, 'not-member']));
  if (userIds.length === 0) return standings;
  const rows = await manager.query<{ id: string; disabled: boolean; role: string | null }[]>(
    `SELECT u."id", u."disabled_at" IS NOT NULL AS "disabled", m."role"
       FROM "user" u
       LEFT JOIN "membership" m ON m."user_id" = u."id" AND m."workspace_id" = $1
      WHERE u."id" = ANY($2::uuid[])`,
    [workspaceId, [...new Set(userIds)]],
  );
  for (const { id, disabled, role } of rows) {
    standings.set(
      id,
      role === null
        ? 'not-member'
        : disabled
          ? 'disabled'
          : role === 'editor' || role === 'admin'
            ? 'writer'
            : 'viewer',
    );
  }
  return standings;
}
