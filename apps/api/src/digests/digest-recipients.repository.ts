import type { Audience } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';

/** A member who wants the weekly digest of one workspace, with what it is made of. */
export type DigestRecipient = {
  workspaceId: string;
  workspaceSlug: string;
  workspaceName: string;
  /** 0 = Sunday … 6 = Saturday: the workspace's review weekday (the default when unsaved). */
  reviewWeekday: number;
  userId: string;
  audience: Audience;
  /** IANA time zone; `null` counts as UTC. */
  timeZone: string | null;
  followedProgramIds: string[];
  followedTeamIds: string[];
};

/**
 * Every live member of every workspace whose digest preference is on (no preference row = on),
 * with the workspace's review weekday and the programs and teams they follow there — the one
 * read the digest schedule makes per tick. Reads across the workspaces, accounts, reviews and
 * notifications tables on purpose: it is the digests' read model of their recipients.
 */
export async function digestRecipients(
  manager: EntityManager,
  defaultReviewWeekday: number,
): Promise<DigestRecipient[]> {
  const rows = await manager.query<
    {
      workspace_id: string;
      slug: string;
      name: string;
      review_weekday: number;
      user_id: string;
      audience: Audience;
      time_zone: string | null;
      programs: string[];
      teams: string[];
    }[]
  >(
    `SELECT m."workspace_id", w."slug", w."name",
            COALESCE(r."review_weekday", $1)::int AS "review_weekday",
            u."id" AS "user_id", u."audience", u."time_zone",
            COALESCE(array_agg(f."subject_id") FILTER (WHERE f."subject_type" = 'program'), '{}') AS "programs",
            COALESCE(array_agg(f."subject_id") FILTER (WHERE f."subject_type" = 'team'), '{}') AS "teams"
       FROM "membership" m
       JOIN "workspace" w ON w."id" = m."workspace_id"
       JOIN "user" u ON u."id" = m."user_id" AND u."disabled_at" IS NULL
       LEFT JOIN "review_setting" r ON r."workspace_id" = m."workspace_id"
       LEFT JOIN "notification_preference" p ON p."user_id" = u."id"
       LEFT JOIN "follow" f ON f."workspace_id" = m."workspace_id" AND f."user_id" = u."id"
                          AND f."subject_type" IN ('program', 'team')
      WHERE COALESCE(p."digest", TRUE)
      GROUP BY m."workspace_id", w."slug", w."name", r."review_weekday", u."id"
      ORDER BY m."workspace_id", u."id"`,
    [defaultReviewWeekday],
  );
  return rows.map((row) => ({
    workspaceId: row.workspace_id,
    workspaceSlug: row.slug,
    workspaceName: row.name,
    reviewWeekday: row.review_weekday,
    userId: row.user_id,
    audience: row.audience,
    timeZone: row.time_zone,
    followedProgramIds: row.programs,
    followedTeamIds: row.teams,
  }));
}
