import { CreateWorkspace1764136800000 } from './1764136800000-create-workspace.js';
import { CreateUser1764200000000 } from './1764200000000-create-user.js';
import { CreateSession1764200100000 } from './1764200100000-create-session.js';
import { CreateMembership1764200200000 } from './1764200200000-create-membership.js';
import { CreateInvitation1764200300000 } from './1764200300000-create-invitation.js';
import { CreateApiToken1764200400000 } from './1764200400000-create-api-token.js';
import { CreateAuditEvent1764200500000 } from './1764200500000-create-audit-event.js';
import { CreateRateLimit1764200600000 } from './1764200600000-create-rate-limit.js';
import { CreateMetric1764300000000 } from './1764300000000-create-metric.js';
import { CreateOkrs1764300100000 } from './1764300100000-create-okrs.js';
import { CreateGuardrail1764300200000 } from './1764300200000-create-guardrail.js';
import { CreateTeam1764400000000 } from './1764400000000-create-team.js';
import { CreateSprint1764400100000 } from './1764400100000-create-sprint.js';
import { CreateWorkItem1764400200000 } from './1764400200000-create-work-item.js';
import { CreateImportJob1764400300000 } from './1764400300000-create-import-job.js';
import { CreatePrograms1764500000000 } from './1764500000000-create-programs.js';
import { CreateMilestones1764500100000 } from './1764500100000-create-milestones.js';
import { CreateRaid1764500200000 } from './1764500200000-create-raid.js';
import { CreateProgramDependencies1764500300000 } from './1764500300000-create-program-dependencies.js';
import { CreateStatusReports1764500400000 } from './1764500400000-create-status-reports.js';
import { AddUserAudience1764650000000 } from './1764650000000-add-user-audience.js';
import { AddProgramLinkForeignKeys1764700000000 } from './1764700000000-add-program-link-foreign-keys.js';
import { AddImportJobHeartbeat1764700100000 } from './1764700100000-add-import-job-heartbeat.js';
import { ImportUploadsOnQueue1764800000000 } from './1764800000000-import-uploads-on-queue.js';
import { AddAuditTargetLabel1764900000000 } from './1764900000000-add-audit-target-label.js';
import { AddTeamJiraSite1764900100000 } from './1764900100000-add-team-jira-site.js';
import { CreateFlowReadModel1765000000000 } from './1765000000000-create-flow-read-model.js';
import { AddPasswordLifecycle1765400000000 } from './1765400000000-add-password-lifecycle.js';
import { HoldPasswordResetLinks1765400100000 } from './1765400100000-hold-password-reset-links.js';
import { AddInstanceAdministration1765450000000 } from './1765450000000-add-instance-administration.js';
import { AddSingleSignOn1765600000000 } from './1765600000000-add-single-sign-on.js';
import { AddMfa1765630000000 } from './1765630000000-add-mfa.js';
import { CreateAlertRules1765700000000 } from './1765700000000-create-alert-rules.js';
import { CreateMetricSignal1765800000000 } from './1765800000000-create-metric-signal.js';
import { CoverFlowDoneRank1765960000000 } from './1765960000000-cover-flow-done-rank.js';
import { CoverFlowInProgress1765961000000 } from './1765961000000-cover-flow-in-progress.js';
import { CreateNotifications1765500000000 } from './1765500000000-create-notifications.js';
import { CreateJiraSync1765550000000 } from './1765550000000-create-jira-sync.js';
import { CreateJiraWebhook1765580000000 } from './1765580000000-create-jira-webhook.js';
import { KeepAlertColumns1765980000000 } from './1765980000000-keep-alert-columns.js';
import { SyncRunLeaseToken1765990000000 } from './1765990000000-sync-run-lease-token.js';
import { NotificationDeliveryClaimToken1765991000000 } from './1765991000000-notification-delivery-claim-token.js';
import { NotificationEventExpandAttempts1765991100000 } from './1765991100000-notification-event-expand-attempts.js';
import { FreezeClosedSprintAvailability1765992000000 } from './1765992000000-freeze-closed-sprint-availability.js';
import { IndexOpenDependenciesByNeedBy1765992400000 } from './1765992400000-index-open-dependencies-by-need-by.js';
import { ArchiveMetrics1765992600000 } from './1765992600000-archive-metrics.js';
import { SavedQueryVersion1765993000000 } from './1765993000000-saved-query-version.js';
import { TeamSourceRetryAt1765993200000 } from './1765993200000-team-source-retry-at.js';
import { TeamSourceResyncAfterRun1765993200100 } from './1765993200100-team-source-resync-after-run.js';
import { TeamSourceVersion1765993200200 } from './1765993200200-team-source-version.js';
import { RevokeInvitationsOfFormerAdmins1765993800000 } from './1765993800000-revoke-invitations-of-former-admins.js';

/**
 * Every migration, in the order it runs: TypeORM sorts migrations by the timestamp that ends
 * each class name, whatever the order of this list, so the list keeps that order too. A new
 * migration gets a later timestamp than every one here and goes last; none is ever edited.
 */
export const migrations = [
  CreateWorkspace1764136800000,
  CreateUser1764200000000,
  CreateSession1764200100000,
  CreateMembership1764200200000,
  CreateInvitation1764200300000,
  CreateApiToken1764200400000,
  CreateAuditEvent1764200500000,
  CreateRateLimit1764200600000,
  CreateMetric1764300000000,
  CreateOkrs1764300100000,
  CreateGuardrail1764300200000,
  CreateTeam1764400000000,
  CreateSprint1764400100000,
  CreateWorkItem1764400200000,
  CreateImportJob1764400300000,
  CreatePrograms1764500000000,
  CreateMilestones1764500100000,
  CreateRaid1764500200000,
  CreateProgramDependencies1764500300000,
  CreateStatusReports1764500400000,
  AddUserAudience1764650000000,
  AddProgramLinkForeignKeys1764700000000,
  AddImportJobHeartbeat1764700100000,
  ImportUploadsOnQueue1764800000000,
  AddAuditTargetLabel1764900000000,
  AddTeamJiraSite1764900100000,
  CreateFlowReadModel1765000000000,
  AddPasswordLifecycle1765400000000,
  HoldPasswordResetLinks1765400100000,
  AddInstanceAdministration1765450000000,
  CreateNotifications1765500000000,
  CreateJiraSync1765550000000,
  CreateJiraWebhook1765580000000,
  AddSingleSignOn1765600000000,
  AddMfa1765630000000,
  CreateAlertRules1765700000000,
  CreateMetricSignal1765800000000,
  CoverFlowDoneRank1765960000000,
  CoverFlowInProgress1765961000000,
  KeepAlertColumns1765980000000,
  SyncRunLeaseToken1765990000000,
  NotificationDeliveryClaimToken1765991000000,
  NotificationEventExpandAttempts1765991100000,
  FreezeClosedSprintAvailability1765992000000,
  IndexOpenDependenciesByNeedBy1765992400000,
  ArchiveMetrics1765992600000,
  SavedQueryVersion1765993000000,
  TeamSourceRetryAt1765993200000,
  TeamSourceResyncAfterRun1765993200100,
  TeamSourceVersion1765993200200,
  RevokeInvitationsOfFormerAdmins1765993800000,
];
