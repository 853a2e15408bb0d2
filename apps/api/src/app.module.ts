import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccessModule } from './access/access.module.js';
import { AccountsModule } from './accounts/accounts.module.js';
import { AdminModule } from './admin/admin.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { PasswordResetModule } from './auth/password-reset/password-reset.module.js';
import { OidcModule } from './auth/oidc/oidc.module.js';
import { ClockModule } from './common/clock/clock.module.js';
import { loggingModule } from './common/logging/logging.module.js';
import type { AppConfig } from './config/config.js';
import { HealthModule } from './health/health.module.js';
import { GuardrailsModule } from './guardrails/guardrails.module.js';
import { MembersModule } from './members/members.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { OkrsModule } from './okrs/okrs.module.js';
import { ProgramsModule } from './programs/programs.module.js';
import { ReviewsModule } from './reviews/reviews.module.js';
import { StatusReportsModule } from './status-reports/status-reports.module.js';
import { TokensModule } from './tokens/tokens.module.js';
import { WorkspacesModule } from './workspaces/workspaces.module.js';
import { DeliveryModule } from './delivery/delivery.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { JiraSyncModule } from './jira-sync/jira-sync.module.js';
import { JiraWebhooksModule } from './jira-sync/webhooks/jira-webhooks.module.js';
import { SprintsModule } from './sprints/sprints.module.js';
import { TeamsModule } from './teams/teams.module.js';
import { WorkItemsModule } from './work-items/work-items.module.js';
import { PortfolioModule } from './portfolio/portfolio.module.js';
import { QueriesModule } from './queries/queries.module.js';
import { AlertsModule } from './alerts/alerts.module.js';
import { RemindersModule } from './reminders/reminders.module.js';
import { DigestsModule } from './digests/digests.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { MailModule } from './common/mail/mail.module.js';
import type { SecretKey } from './common/secrets/secret-key.js';
import { SecretsModule } from './common/secrets/secrets.module.js';
import { WorkerPoolModule } from './common/worker-pool/worker-pool.module.js';

export type ExtraImports = NonNullable<ModuleMetadata['imports']>;

/**
 * The root module. The data source is opened (and migrated) before Nest starts, so a bad
 * database fails fast with a clear message; Nest then only borrows it and closes it on shutdown.
 */
@Module({})
export class AppModule {
  /** `extraImports` lets tests mount a module of their own (e.g. a route without a rule). */
  static forRoot(
    config: AppConfig,
    dataSource: DataSource,
    secretKey: SecretKey,
    extraImports: ExtraImports = [],
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        loggingModule(config),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: () => Promise.resolve(dataSource),
        }),
        AccessModule.forRoot(config.requireMfa),
        HealthModule,
        AuthModule,
        PasswordResetModule.forRoot(config.publicUrl),
        OidcModule.forRoot(config),
        AccountsModule,
        WorkspacesModule,
        MembersModule,
        AdminModule,
        TokensModule,
        AuditModule,
        ClockModule,
        WorkerPoolModule,
        SecretsModule.forRoot(secretKey),
        JobsModule.forRoot({ connectionString: connectionStringOf(dataSource), role: config.role }),
        MetricsModule,
        OkrsModule,
        GuardrailsModule,
        ProgramsModule,
        StatusReportsModule,
        ReviewsModule,
        TeamsModule,
        SprintsModule,
        WorkItemsModule,
        ImportsModule,
        JiraSyncModule.forRoot({ publicUrl: config.publicUrl }),
        JiraWebhooksModule.forRoot({ publicUrl: config.publicUrl }),
        DeliveryModule,
        PortfolioModule,
        QueriesModule,
        AlertsModule,
        RemindersModule,
        DigestsModule,
        MailModule.forRoot({
          smtpUrl: config.smtpUrl,
          mailFrom: config.mailFrom ?? 'Bearing <bearing@localhost>',
        }),
        NotificationsModule.forRoot({
          publicUrl: config.publicUrl,
          webhookAllowLoopback: config.webhookAllowLoopback ?? false,
        }),
        ...extraImports,
      ],
    };
  }
}

/** The URL the data source was opened with: the job queue opens its own small pool on it. */
function connectionStringOf(dataSource: DataSource): string {
  const url = (dataSource.options as { url?: string }).url;
  if (!url) throw new Error('the data source was opened without a connection URL');
  return url;
}
