import { type DynamicModule, Module } from '@nestjs/common';
import { SyncStatusController } from '../sync-status/sync-status.controller.js';
import { JiraWebhookSettingsController } from './jira-webhook-settings.controller.js';
import { JiraWebhookController } from './jira-webhook.controller.js';
import {
  JIRA_WEBHOOK_OPTIONS,
  type JiraWebhookOptions,
  JiraWebhooksService,
} from './jira-webhooks.service.js';

/**
 * Jira's webhooks of team sources: the address Jira calls, and a source's webhook settings.
 * It asks the Jira sync module's engine for syncs (see `JiraWebhooksService`).
 */
@Module({})
export class JiraWebhooksModule {
  static forRoot(options: JiraWebhookOptions): DynamicModule {
    return {
      module: JiraWebhooksModule,
      // The teams' sync status (for the portfolio) rides along: it reads sources only.
      controllers: [JiraWebhookController, JiraWebhookSettingsController, SyncStatusController],
      providers: [{ provide: JIRA_WEBHOOK_OPTIONS, useValue: options }, JiraWebhooksService],
    };
  }
}
