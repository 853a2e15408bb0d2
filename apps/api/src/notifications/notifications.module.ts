import { type DynamicModule, Module } from '@nestjs/common';
import { ChannelsController } from './channels.controller.js';
import { ChannelsService } from './channels.service.js';
import { DeliveriesController } from './deliveries.controller.js';
import { DeliveriesService } from './deliveries.service.js';
import { FollowsController } from './follows.controller.js';
import { FollowsService } from './follows.service.js';
import { InboxService } from './inbox.service.js';
import { MyNotificationsController } from './my-notifications.controller.js';
import { NotificationPipeline } from './notification-pipeline.service.js';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from './notification-options.js';
import { PreferencesService } from './preferences.service.js';
import { UnsubscribeController } from './unsubscribe.controller.js';
import { WebhookSender } from './webhook-sender.service.js';

export { Mailer } from '../common/mail/mailer.service.js';
export type { MailMessage } from '../common/mail/mailer.service.js';
export { NotificationPipeline } from './notification-pipeline.service.js';
export type { NotificationOptions } from './notification-options.js';

/**
 * Notifications: the outbox (`outbox.repository.ts`, which producers import), its expansion
 * into deliveries and their sending (inbox, email, Slack, Teams), follows, preferences,
 * channels, the delivery log and one-click unsubscribe. Email goes through the global
 * `Mailer` (common/mail), which password-reset links use too.
 */
@Module({})
export class NotificationsModule {
  static forRoot(options: NotificationOptions): DynamicModule {
    return {
      module: NotificationsModule,
      global: true,
      controllers: [
        ChannelsController,
        DeliveriesController,
        FollowsController,
        MyNotificationsController,
        UnsubscribeController,
      ],
      providers: [
        { provide: NOTIFICATION_OPTIONS, useValue: options },
        WebhookSender,
        NotificationPipeline,
        ChannelsService,
        DeliveriesService,
        FollowsService,
        InboxService,
        PreferencesService,
      ],
      exports: [NotificationPipeline],
    };
  }
}
