import { z } from 'zod';
import { userSchema } from './auth.js';
import { pageQuerySchema, pageSchema } from './pagination.js';
import { text } from './text.js';

/**
 * Everything Bearing tells people about. Each is written as an outbox row in the same
 * transaction as the change that caused it, then delivered by queue jobs.
 */
export const notificationEventSchema = z.enum([
  'checkin.due',
  'checkin.overdue',
  'report.due',
  'report.published',
  'guardrail.changed',
  'milestone.slipped',
  'dependency.overdue',
  'raid.high',
  'import.failed',
  'sync.failed',
  'alert.fired',
  'alert.resolved',
  /** A workspace channel's webhook answered 404/410: its admins are told in the inbox. */
  'channel.broken',
  /** The weekly digest (one per user and week); the `digest` preference turns it off. */
  'digest.weekly',
]);
export const NOTIFICATION_EVENTS = notificationEventSchema.options;

/** What a notification is about; its `path` in the web app leads there. */
export const notificationSubjectTypeSchema = z.enum([
  'program',
  'metric',
  'guardrail',
  'team',
  'key-result',
  'report',
  'milestone',
  'dependency',
  'raid-item',
  'import',
  'sync-run',
  'alert',
  'channel',
  'digest',
]);

/** What a user may follow: its events reach them (`POST /api/workspaces/:workspace/follows`). */
export const followSubjectTypeSchema = z.enum(['program', 'metric', 'guardrail', 'team']);

/** A workspace channel an admin adds: an email list, a Slack or a Microsoft Teams webhook. */
export const notificationChannelKindSchema = z.enum(['email', 'slack', 'teams']);

/** Where one delivery goes: a user's inbox or email, or a workspace channel. */
export const deliveryChannelSchema = z.enum(['inbox', 'email', 'slack', 'teams']);

export const deliveryStateSchema = z.enum(['pending', 'sent', 'retrying', 'dead']);

// ---------------------------------------------------------------- channels

/**
 * A workspace channel as listed: its address (webhook URL or email address) is stored sealed
 * and never echoed back — `hasSecret` says one is stored. `broken` is set when the webhook
 * answered 404/410 (the workspace's admins are told in their inbox); saving a new URL clears
 * it, and so does a test message that arrives.
 */
export const notificationChannelSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: notificationChannelKindSchema,
  hasSecret: z.boolean(),
  broken: z.boolean(),
  /** Why it is broken, e.g. `webhook answered 410 Gone`; null when it works. */
  brokenReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

const channelNameSchema = text().min(1).max(100);
/**
 * A Slack incoming-webhook or Teams Workflows URL (https, not a private, loopback or
 * link-local address), or for `kind: 'email'` the address to mail.
 */
const channelUrlSchema = text().min(1).max(2000);

/** `POST /api/workspaces/:workspace/notification-channels` (admin) → 201 channel. */
export const createNotificationChannelRequestSchema = z.strictObject({
  name: channelNameSchema,
  kind: notificationChannelKindSchema,
  url: channelUrlSchema,
});

/** `PATCH …/notification-channels/:id` (admin): a new name and/or address (clears `broken`). */
export const updateNotificationChannelRequestSchema = z
  .strictObject({ name: channelNameSchema.optional(), url: channelUrlSchema.optional() })
  .refine((body) => body.name !== undefined || body.url !== undefined, {
    error: 'give name or url',
  });

/** `GET …/notification-channels` (admin), oldest first. */
export const notificationChannelListSchema = z.object({
  items: z.array(notificationChannelSchema),
  /** False when `BEARING_SMTP_URL` is not set: email is off, and the settings page says so. */
  emailEnabled: z.boolean(),
});

/**
 * `POST …/notification-channels/:id/test` (admin): sends a test message at once; one that
 * arrives marks a broken channel working again.
 */
export const notificationChannelTestResultSchema = z.object({
  ok: z.boolean(),
  /** What happened, e.g. `webhook answered 200` or `SMTP is not configured`; never the URL. */
  detail: z.string(),
});

// ---------------------------------------------------------------- inbox

export const notificationSubjectSchema = z.object({
  type: notificationSubjectTypeSchema,
  id: z.string(),
});

/** One in-app notification of the signed-in user (`GET /api/me/notifications`). */
export const notificationSchema = z.object({
  id: z.uuid(),
  workspace: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  event: notificationEventSchema,
  subject: notificationSubjectSchema,
  title: z.string(),
  body: z.string(),
  /** `BEARING_PUBLIC_URL` + the thing's web path (a path alone when no public URL is set). */
  url: z.string(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});

/** `GET /api/me/notifications?unread=true&limit=&cursor=` — newest first. */
export const notificationQuerySchema = pageQuerySchema.extend({
  unread: z.enum(['true', 'false']).optional(),
});

export const notificationPageSchema = pageSchema(notificationSchema).extend({
  /** The caller's unread notifications across all their workspaces (the bell's count). */
  unreadCount: z.number().int().nonnegative(),
});

/** `PATCH /api/me/notifications/:id` → the notification. */
export const updateNotificationRequestSchema = z.strictObject({ read: z.boolean() });

/** `POST /api/me/notifications/read-all` → how many were marked read. */
export const readAllNotificationsResponseSchema = z.object({ updated: z.number().int() });

// ---------------------------------------------------------------- deliveries

/**
 * One attempt-tracked delivery of an event to one recipient on one channel: exactly one per
 * (event, recipient, channel). `notificationId` is the event's id (shared by all its deliveries).
 */
export const notificationDeliverySchema = z.object({
  id: z.uuid(),
  notificationId: z.uuid(),
  event: notificationEventSchema,
  title: z.string(),
  channel: deliveryChannelSchema,
  /** The workspace channel, for slack, teams and email-list deliveries; null for a user's own. */
  channelId: z.uuid().nullable(),
  /** The user it is for; null for a workspace channel. */
  recipient: userSchema.nullable(),
  state: deliveryStateSchema,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  nextAttemptAt: z.iso.datetime().nullable(),
  sentAt: z.iso.datetime().nullable(),
});

/** `GET /api/workspaces/:workspace/notification-deliveries?state=` (admin) — newest first. */
export const notificationDeliveryQuerySchema = pageQuerySchema.extend({
  state: deliveryStateSchema.optional(),
});

export const notificationDeliveryPageSchema = pageSchema(notificationDeliverySchema);

// ---------------------------------------------------------------- preferences

export const eventChannelPreferenceSchema = z.strictObject({
  inbox: z.boolean(),
  email: z.boolean(),
  slack: z.boolean(),
  teams: z.boolean(),
});

/**
 * `GET/PUT /api/me/notification-preferences`. By default every event reaches the inbox and
 * email; Slack and Teams messages go to workspace channels (for alert-channel events), so the
 * per-user `slack`/`teams` flags default to off. `digest`: the weekly digest (default on).
 */
export const notificationPreferencesSchema = z.object({
  events: z.record(notificationEventSchema, eventChannelPreferenceSchema),
  digest: z.boolean(),
});

/** `PUT` body: the events given replace their settings; the others keep theirs. */
export const updateNotificationPreferencesRequestSchema = z.strictObject({
  events: z.partialRecord(notificationEventSchema, eventChannelPreferenceSchema).default({}),
  digest: z.boolean().optional(),
});

// ---------------------------------------------------------------- follows

export const followSubjectSchema = z.strictObject({
  type: followSubjectTypeSchema,
  id: z.uuid(),
});

/** `POST /api/workspaces/:workspace/follows` → 201 follow (the same when already following). */
export const createFollowRequestSchema = z.strictObject({ subject: followSubjectSchema });

export const followSchema = z.object({
  subject: z.object({ type: followSubjectTypeSchema, id: z.uuid() }),
  createdAt: z.iso.datetime(),
});

/** `GET /api/workspaces/:workspace/follows` — the caller's follows in the workspace. */
export const followListSchema = z.object({ items: z.array(followSchema) });

export type NotificationEvent = z.infer<typeof notificationEventSchema>;
export type NotificationSubjectType = z.infer<typeof notificationSubjectTypeSchema>;
export type FollowSubjectType = z.infer<typeof followSubjectTypeSchema>;
export type NotificationChannelKind = z.infer<typeof notificationChannelKindSchema>;
export type DeliveryChannel = z.infer<typeof deliveryChannelSchema>;
export type DeliveryState = z.infer<typeof deliveryStateSchema>;
export type NotificationChannel = z.infer<typeof notificationChannelSchema>;
export type CreateNotificationChannelRequest = z.infer<
  typeof createNotificationChannelRequestSchema
>;
export type UpdateNotificationChannelRequest = z.infer<
  typeof updateNotificationChannelRequestSchema
>;
export type NotificationChannelList = z.infer<typeof notificationChannelListSchema>;
export type NotificationChannelTestResult = z.infer<typeof notificationChannelTestResultSchema>;
export type Notification = z.infer<typeof notificationSchema>;
export type NotificationQuery = z.output<typeof notificationQuerySchema>;
export type NotificationPage = z.infer<typeof notificationPageSchema>;
export type UpdateNotificationRequest = z.infer<typeof updateNotificationRequestSchema>;
export type ReadAllNotificationsResponse = z.infer<typeof readAllNotificationsResponseSchema>;
export type NotificationDelivery = z.infer<typeof notificationDeliverySchema>;
export type NotificationDeliveryQuery = z.output<typeof notificationDeliveryQuerySchema>;
export type NotificationDeliveryPage = z.infer<typeof notificationDeliveryPageSchema>;
export type EventChannelPreference = z.infer<typeof eventChannelPreferenceSchema>;
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;
export type UpdateNotificationPreferencesRequest = z.output<
  typeof updateNotificationPreferencesRequestSchema
>;
export type FollowSubject = z.infer<typeof followSubjectSchema>;
export type CreateFollowRequest = z.infer<typeof createFollowRequestSchema>;
export type Follow = z.infer<typeof followSchema>;
export type FollowList = z.infer<typeof followListSchema>;
