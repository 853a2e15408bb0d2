import { type DynamicModule, Module } from '@nestjs/common';
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
      controllers: [JiraWebhookController, JiraWebhookSettingsController],
      providers: [{ provide: JIRA_WEBHOOK_OPTIONS, useValue: options }, JiraWebhooksService],
    };
  }
}
