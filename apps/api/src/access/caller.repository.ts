import type { TokenScope, WorkspaceRole } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Caller identity in ONE statement per request: the credential (a session or an API token, by
 * the hash of its secret), its live user, and — when the route names a workspace — that
 * workspace and the user's membership of it. The same statement notes the credential's use
 * (a session's idle expiry moves forward, a token's last use is stamped), at most once per
 * touch interval, in a data-modifying CTE so it costs no extra round trip.
 *
 * Access is the one reader of these tables for identity: `session`, `api_token`, `user`,
 * `workspace`, `membership`.
 */

/** What makes a user able to act at all; every credential is checked against it. */
const LIVE_USER = `"user"."disabled_at" IS NULL`;

export type CallerCredential =
  | { kind: 'session'; tokenHash: string; idleTimeoutSeconds: number }
  | { kind: 'token'; tokenHash: string };

export type CallerRow = {
  credential_id: string;
  user_id: string;
  email: string;
  display_name: string;
  instance_admin: boolean;
  /** Someone else chose the password: only a few routes answer until the user changes it. */
  must_change_password: boolean;
  /** The user signs in with a second factor (an instance admin may be required to). */
  mfa_enabled: boolean;
  /** The token's own workspace and scope; null for a session. */
  token_workspace_id: string | null;
  scope: TokenScope | null;
  /** The workspace asked for, present only when the user is a member of it. */
  workspace_id: string | null;
  workspace_slug: string | null;
  workspace_name: string | null;
  role: WorkspaceRole | null;
};

/** A live session: not revoked, within its idle expiry and its lifetime. */
const SESSION_CREDENTIAL = `
  SELECT "session"."id", "session"."user_id",
         NULL::uuid AS "token_workspace_id", NULL::varchar AS "scope",
         "session"."last_seen_at" < now() - make_interval(secs => $3) AS "stale",
         "user"."email", "user"."display_name", "user"."instance_admin",
         "user"."must_change_password", "user"."mfa_enabled"
    FROM "session"
    JOIN "user" ON "user"."id" = "session"."user_id" AND ${LIVE_USER}
   WHERE "session"."token_hash" = $1
     AND "session"."revoked_at" IS NULL
     AND "session"."idle_expires_at" > now()
     AND "session"."expires_at" > now()`;

/** Seen now; the idle expiry moved forward, never past the session's end. */
const SESSION_TOUCH = `
  UPDATE "session"
     SET "last_seen_at" = now(),
         "idle_expires_at" = LEAST(now() + make_interval(secs => $4), "expires_at")
   WHERE "id" IN (SELECT "id" FROM "credential" WHERE "stale")`;

/** A live API token: not revoked, not expired. */
const TOKEN_CREDENTIAL = `
  SELECT "api_token"."id", "api_token"."user_id",
         "api_token"."workspace_id" AS "token_workspace_id", "api_token"."scope",
         ("api_token"."last_used_at" IS NULL
           OR "api_token"."last_used_at" < now() - make_interval(secs => $3)) AS "stale",
         "user"."email", "user"."display_name", "user"."instance_admin",
         "user"."must_change_password", "user"."mfa_enabled"
    FROM "api_token"
    JOIN "user" ON "user"."id" = "api_token"."user_id" AND ${LIVE_USER}
   WHERE "api_token"."token_hash" = $1
     AND "api_token"."revoked_at" IS NULL
     AND "api_token"."expires_at" > now()`;

const TOKEN_TOUCH = `
  UPDATE "api_token" SET "last_used_at" = now()
   WHERE "id" IN (SELECT "id" FROM "credential" WHERE "stale")`;

/**
 * The caller behind a credential, with the workspace `workspaceSlug` when the user is a member
 * of it (an unknown slug and a non-member look the same: no workspace columns); no row when the
 * credential is unknown, dead, or its user cannot act.
 */
export async function findCaller(
  manager: EntityManager,
  credential: CallerCredential,
  workspaceSlug: string | null,
  touchIntervalSeconds: number,
): Promise<CallerRow | undefined> {
  const session = credential.kind === 'session';
  const parameters: unknown[] = [credential.tokenHash, workspaceSlug, touchIntervalSeconds];
  if (credential.kind === 'session') parameters.push(credential.idleTimeoutSeconds);
  const rows: CallerRow[] = await manager.query(
    `WITH "credential" AS (${session ? SESSION_CREDENTIAL : TOKEN_CREDENTIAL}),
          "touched" AS (${session ? SESSION_TOUCH : TOKEN_TOUCH})
     SELECT "credential"."id" AS "credential_id", "credential"."user_id",
            "credential"."email", "credential"."display_name", "credential"."instance_admin",
            "credential"."must_change_password", "credential"."mfa_enabled",
            "credential"."token_workspace_id", "credential"."scope",
            "workspace"."id" AS "workspace_id", "workspace"."slug" AS "workspace_slug",
            "workspace"."name" AS "workspace_name", "membership"."role"
       FROM "credential"
       LEFT JOIN ("workspace"
                  JOIN "membership" ON "membership"."workspace_id" = "workspace"."id")
              ON "workspace"."slug" = $2::varchar
             AND "membership"."user_id" = "credential"."user_id"`,
    parameters,
  );
  return rows[0];
}
