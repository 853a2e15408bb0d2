import { z } from 'zod';
import { pageSchema } from './pagination.js';

/** Every kind of write the audit log records; later features append theirs. */
export const auditActionSchema = z.enum([
  'workspace.created',
  'member.added',
  'member.invited',
  'member.joined',
  'member.role-changed',
  'member.removed',
  'member.left',
  'invitation.revoked',
  'token.created',
  'token.revoked',
  'period.created',
  'period.updated',
  'objective.created',
  'objective.updated',
  'key-result.created',
  'key-result.updated',
  'key-result.deleted',
  'check-in.created',
  'metric.created',
  'metric.updated',
  'metric.archived',
  'metric.unarchived',
  'metric-points.imported',
  'metric-points.deleted',
  'guardrail.created',
  'guardrail.updated',
  'guardrail.deleted',
  'team.created',
  'team.updated',
  'team.deleted',
  'team-member.added',
  'team-member.updated',
  'team-member.removed',
  'sprint.created',
  'sprint.updated',
  'sprint.deleted',
  'sprint.availability-updated',
  'work-items.imported',
  'job.retried',
  'program.created',
  'program.updated',
  'milestone.created',
  'milestone.updated',
  'milestone.deleted',
  'raid-item.created',
  'raid-item.updated',
  'dependency.created',
  'dependency.updated',
  'status-report.generated',
  'status-report.regenerated',
  'status-report.updated',
  'status-report.published',
  'review-settings.updated',
  'jira-connection.created',
  'jira-connection.updated',
  'jira-connection.deleted',
  'alert-rule.created',
  'alert-rule.updated',
  'alert-rule.deleted',
  'alert.acknowledged',
  'saved-query.created',
  'saved-query.updated',
  'saved-query.deleted',
  /** A Slack, Teams or email channel for alert events (details: name and kind, never the address). */
  'notification-channel.created',
  /** Renamed, given a new address, or found working again by a test message. */
  'notification-channel.updated',
  'notification-channel.deleted',
  'team-source.saved',
  'team-source.deleted',
  /** Jira refused a sync's credentials (401/403): the source is broken, its schedule paused. */
  'team-source.broken',
  /** A team source's webhook got a new address (the old one stopped working). */
  'team-source.webhook-rotated',
  /** A team source's webhook signing secret was set or removed (never its value). */
  'team-source.webhook-signing-changed',
  /** The demo generator finished filling the workspace (see apps/api/src/demo). */
  'demo.seeded',
  // Events of the instance rather than a workspace (the instance audit log):
  'invitation.declined',
  'session.signed-in',
  'session.signed-out',
  'account.created',
  'account.deactivated',
  'account.reactivated',
  'instance-settings.updated',
  // Changes to one account's credentials (the instance audit log):
  'account.password-changed',
  'account.password-reset-requested',
  'account.password-reset',
  'account.sessions-revoked',
  // Second factors (the instance audit log):
  'account.mfa-enabled',
  'account.mfa-disabled',
  'account.mfa-reset',
  'session.mfa-failed',
  /** A wrong password, an unknown email or a deactivated account; no actor when no account. */
  'session.sign-in-failed',
  'account.instance-admin-revoked',
  /** An instance admin looked at the held password-reset links (each signs into an account). */
  'password-resets.viewed',
  // Single sign-on (the instance audit log):
  'session.sso-refused',
  'account.sso-link-requested',
  'account.sso-linked',
  'account.instance-admin-granted',
]);

export const auditEventSchema = z.object({
  id: z.uuid(),
  action: auditActionSchema,
  targetType: z.string(),
  targetId: z.uuid().nullable(),
  /**
   * The target in words as it was named at the time of the event, e.g. "Objective · Grow
   * podcast revenue"; null for old events whose target was gone when labels were introduced.
   */
  targetLabel: z.string().nullable(),
  /** `userId` is null for an event nobody could be named for (a refused single sign-on). */
  actor: z.object({ userId: z.uuid().nullable(), email: z.string(), displayName: z.string() }),
  /** Set when the write came through an API token rather than a signed-in session. */
  actorTokenId: z.uuid().nullable(),
  /** The `X-Request-Id` of the request that made the write (null for start-up work). */
  requestId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** What changed, e.g. `{ from: 'viewer', to: 'editor' }`; never secrets. */
  details: z.record(z.string(), z.unknown()),
});

/**
 * `GET /api/workspaces/:workspace/audit-events` (admin) and `GET /api/admin/audit-events`
 * (instance admin: the events of no workspace) — newest first.
 */
export const auditEventPageSchema = pageSchema(auditEventSchema);

export type AuditAction = z.infer<typeof auditActionSchema>;
export type AuditEvent = z.infer<typeof auditEventSchema>;
export type AuditEventPage = z.infer<typeof auditEventPageSchema>;
