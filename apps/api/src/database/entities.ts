import { User } from '../accounts/user.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { PasswordReset } from '../auth/password-reset/password-reset.entity.js';
import { MfaTicket } from '../auth/mfa/mfa-ticket.entity.js';
import { RecoveryCode } from '../auth/mfa/recovery-code.entity.js';
import { TotpCredential } from '../auth/mfa/totp-credential.entity.js';
import { Session } from '../auth/session.entity.js';
import { OidcIdentity } from '../auth/oidc/oidc-identity.entity.js';
import { OidcPendingLink } from '../auth/oidc/oidc-pending-link.entity.js';
import { OidcSignInAttempt } from '../auth/oidc/oidc-sign-in-attempt.entity.js';
import { GuardrailStatusChange } from '../guardrails/guardrail-status-change.entity.js';
import { Guardrail } from '../guardrails/guardrail.entity.js';
import { InstanceSetting } from '../instance-settings/instance-setting.entity.js';
import { Invitation } from '../members/invitation.entity.js';
import { MetricPoint } from '../metrics/metric-point.entity.js';
import { Metric } from '../metrics/metric.entity.js';
import { CheckIn } from '../okrs/check-ins/check-in.entity.js';
import { KeyResult } from '../okrs/key-results/key-result.entity.js';
import { Objective } from '../okrs/objectives/objective.entity.js';
import { Period } from '../okrs/periods/period.entity.js';
import { RateLimitCounter } from '../rate-limit/rate-limit-counter.entity.js';
import { ApiToken } from '../tokens/api-token.entity.js';
import { Membership } from '../workspaces/membership.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';
import { ImportJob } from '../imports/import-job.entity.js';
import { ImportUpload } from '../imports/import-upload.entity.js';
import { SprintAvailability } from '../sprints/sprint-availability.entity.js';
import { Sprint } from '../sprints/sprint.entity.js';
import { TeamMember } from '../teams/team-member.entity.js';
import { Team } from '../teams/team.entity.js';
import { WorkItemEstimateChange } from '../work-items/work-item-estimate-change.entity.js';
import { WorkItemSprintChange } from '../work-items/work-item-sprint-change.entity.js';
import { WorkItemSprint } from '../work-items/work-item-sprint.entity.js';
import { WorkItemStatusChange } from '../work-items/work-item-status-change.entity.js';
import { WorkItem } from '../work-items/work-item.entity.js';
import { ProgramDependency } from '../programs/dependencies/program-dependency.entity.js';
import { MilestoneDateChange } from '../programs/milestones/milestone-date-change.entity.js';
import { Milestone } from '../programs/milestones/milestone.entity.js';
import {
  ProgramGuardrail,
  ProgramObjective,
  ProgramTeam,
} from '../programs/program-links.entity.js';
import { Program } from '../programs/program.entity.js';
import { RaidItemChange } from '../programs/raid/raid-item-change.entity.js';
import { RaidItem } from '../programs/raid/raid-item.entity.js';
import { ReviewSetting } from '../reviews/review-setting.entity.js';
import { StatusReport } from '../status-reports/status-report.entity.js';
import { JiraConnection } from '../jira-sync/jira-connection.entity.js';
import { SyncRun } from '../jira-sync/sync-run.entity.js';
import { TeamSource } from '../jira-sync/team-source.entity.js';
import { JiraWebhook } from '../jira-sync/webhooks/jira-webhook.entity.js';
import { Follow } from '../notifications/follow.entity.js';
import { NotificationChannel } from '../notifications/notification-channel.entity.js';
import { NotificationDelivery } from '../notifications/notification-delivery.entity.js';
import { NotificationEventRow } from '../notifications/notification-event.entity.js';
import { NotificationPreference } from '../notifications/notification-preference.entity.js';
import { Notification } from '../notifications/notification.entity.js';
import { SavedQuery } from '../alerts/saved-query.entity.js';
import { AlertRule } from '../alerts/alert-rule.entity.js';
import { Alert } from '../alerts/alert.entity.js';

/**
 * Every entity, listed explicitly: class references work the same from `tsc` output, under
 * Jest and in the migration-drift check, where file globs would not.
 */
export const entities = [
  Workspace,
  User,
  Session,
  PasswordReset,
  OidcSignInAttempt,
  OidcIdentity,
  OidcPendingLink,
  TotpCredential,
  RecoveryCode,
  MfaTicket,
  Membership,
  Invitation,
  InstanceSetting,
  ApiToken,
  AuditEvent,
  RateLimitCounter,
  Metric,
  MetricPoint,
  Period,
  Objective,
  KeyResult,
  CheckIn,
  Guardrail,
  GuardrailStatusChange,
  Team,
  TeamMember,
  Sprint,
  SprintAvailability,
  WorkItem,
  WorkItemStatusChange,
  WorkItemSprintChange,
  WorkItemEstimateChange,
  WorkItemSprint,
  ImportJob,
  ImportUpload,
  Program,
  ProgramTeam,
  ProgramObjective,
  ProgramGuardrail,
  Milestone,
  MilestoneDateChange,
  RaidItem,
  RaidItemChange,
  ProgramDependency,
  StatusReport,
  ReviewSetting,
  JiraConnection,
  TeamSource,
  SyncRun,
  JiraWebhook,
  NotificationEventRow,
  Follow,
  Notification,
  NotificationChannel,
  NotificationDelivery,
  NotificationPreference,
  SavedQuery,
  AlertRule,
  Alert,
];
