import type {
  FollowSubjectType,
  NotificationEvent as NotificationEventName,
  NotificationSubjectType,
} from '@bearing/contracts';
import type { EntityManager } from 'typeorm';

export type NotificationEvent = NotificationEventName;

/** One event a feature publishes; see docs/architecture.md → Notifications. */
export type OutboxEventInput = {
  workspaceId: string;
  event: NotificationEvent;
  subject: { type: NotificationSubjectType; id: string };
  /** One line, plain text; never about a person's delivery. */
  title: string;
  /** Short plain text (no markdown); the default rendering. */
  body: string;
  /** Per-audience renderings (report.published); a recipient's audience picks one. */
  bodies?: Partial<Record<'executive' | 'stakeholder' | 'team', string>>;
  /** Web path of the thing, e.g. `/w/acme/programs/apollo`; links are BEARING_PUBLIC_URL + path. */
  path: string;
  audience: {
    /** Explicit users (e.g. the owner): they count as following. */
    users?: string[];
    followersOf?: { type: FollowSubjectType; id: string }[];
    /** Only recipients with the editor role or above (import/sync failed). */
    editorsOnly?: boolean;
    /** Also the workspace's channels (Slack, Teams, email lists). */
    alertChannels?: boolean;
    workspaceAdmins?: boolean;
    /**
     * The workspace's admins when the users and followers above reach no member the audience
     * admits (nobody follows, the saver left or was demoted): news nobody hears is lost.
     */
    adminsWhenNobody?: boolean;
  };
  /** Unique per workspace: publishing the same key again is a no-op. */
  dedupeKey: string;
  data?: Record<string, unknown>;
};

const TITLE_MAX = 300;
const DEDUPE_KEY_MAX = 300;

/**
 * Writes the event row in the caller's transaction (the outbox), so it commits or rolls back
 * with the change it describes; the notification jobs expand and deliver it after commit.
 * Returns false when the workspace already has an event with this dedupe key (nothing written).
 */
export async function publishEvent(
  manager: EntityManager,
  input: OutboxEventInput,
): Promise<boolean> {
  if (input.dedupeKey.length === 0 || input.dedupeKey.length > DEDUPE_KEY_MAX) {
    throw new Error(`dedupeKey must be 1–${DEDUPE_KEY_MAX} characters`);
  }
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO "notification_event"
       ("workspace_id", "event", "subject_type", "subject_id", "title", "body", "bodies", "path",
        "audience", "dedupe_key", "data")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT ("workspace_id", "dedupe_key") DO NOTHING
     RETURNING "id"`,
    [
      input.workspaceId,
      input.event,
      input.subject.type,
      input.subject.id,
      oneLine(input.title).slice(0, TITLE_MAX),
      input.body,
      JSON.stringify(input.bodies ?? {}),
      input.path,
      JSON.stringify(input.audience),
      input.dedupeKey,
      JSON.stringify(input.data ?? {}),
    ],
  );
  return inserted.length > 0;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
