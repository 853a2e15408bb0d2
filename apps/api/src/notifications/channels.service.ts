import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateNotificationChannelRequest,
  NotificationChannel as ChannelResponse,
  NotificationChannelList,
  NotificationChannelTestResult,
  UpdateNotificationChannelRequest,
} from '@bearing/contracts';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { ProblemException } from '../common/problem/problem.js';
import { SecretBox } from '../common/secrets/secret-box.js';
import { channelsOf, deleteChannel, findChannel, saveChannel } from './channel.repository.js';
import { DeliveryFailure } from './delivery-failure.js';
import { MailError, Mailer } from '../common/mail/mailer.service.js';
import { emailMessage, slackMessage, teamsMessage } from './messages.js';
import type { NotificationChannel } from './notification-channel.entity.js';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from './notification-options.js';
import { refusedWebhookUrl } from './webhook-address.js';
import { WebhookSender } from './webhook-sender.service.js';

const emailAddress = z.email();

/**
 * A workspace's channels (admin): Slack and Teams webhooks and email addresses, stored sealed
 * and never echoed back; a webhook URL must be https and public (checked again at send time).
 */
@Injectable()
export class ChannelsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly box: SecretBox,
    private readonly mailer: Mailer,
    private readonly webhooks: WebhookSender,
    @Inject(NOTIFICATION_OPTIONS) private readonly options: NotificationOptions,
  ) {}

  async list(workspaceId: string): Promise<NotificationChannelList> {
    const channels = await channelsOf(this.dataSource.manager, workspaceId);
    return { items: channels.map(toChannelResponse), emailEnabled: this.mailer.enabled };
  }

  async create(
    workspaceId: string,
    request: CreateNotificationChannelRequest,
  ): Promise<ChannelResponse> {
    this.checkAddress(request.kind, request.url);
    const channel = await saveChannel(this.dataSource.manager, {
      workspaceId,
      name: request.name,
      kind: request.kind,
      sealedUrl: this.box.seal(request.url),
      brokenAt: null,
      brokenReason: null,
    });
    return toChannelResponse(channel);
  }

  async update(
    workspaceId: string,
    id: string,
    request: UpdateNotificationChannelRequest,
  ): Promise<ChannelResponse> {
    const channel = await this.find(workspaceId, id);
    if (request.url !== undefined) {
      this.checkAddress(channel.kind, request.url);
      channel.sealedUrl = this.box.seal(request.url);
      channel.brokenAt = null;
      channel.brokenReason = null;
    }
    if (request.name !== undefined) channel.name = request.name;
    return toChannelResponse(await saveChannel(this.dataSource.manager, channel));
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    if (!(await deleteChannel(this.dataSource.manager, workspaceId, id))) {
      throw ProblemException.notFound('No such notification channel in this workspace.');
    }
  }

  /** Sends a test message at once and says what happened; nothing is recorded. */
  async test(workspaceId: string, id: string): Promise<NotificationChannelTestResult> {
    const channel = await this.find(workspaceId, id);
    const rendered = {
      title: `Test message from Bearing to "${channel.name}"`,
      body: 'If you can read this, notifications reach this channel.',
      url: `${this.options.publicUrl}/`,
    };
    try {
      const address = this.box.open(channel.sealedUrl);
      if (channel.kind === 'email') {
        if (!this.mailer.enabled)
          return { ok: false, detail: 'Email is off: SMTP is not configured.' };
        await this.mailer.send({ to: address, ...emailMessage(rendered, undefined) });
        return { ok: true, detail: 'The test email was accepted by the mail server.' };
      }
      const status = await this.webhooks.post(
        address,
        channel.kind === 'slack' ? slackMessage(rendered) : teamsMessage(rendered),
      );
      return { ok: true, detail: `The webhook answered ${status}.` };
    } catch (error) {
      const detail =
        error instanceof DeliveryFailure || error instanceof MailError
          ? error.message
          : 'The stored address cannot be read.';
      return { ok: false, detail: `${detail.charAt(0).toUpperCase()}${detail.slice(1)}.` };
    }
  }

  private async find(workspaceId: string, id: string): Promise<NotificationChannel> {
    const channel = await findChannel(this.dataSource.manager, workspaceId, id);
    if (!channel)
      throw ProblemException.notFound('No such notification channel in this workspace.');
    return channel;
  }

  private checkAddress(kind: NotificationChannel['kind'], url: string): void {
    const problem =
      kind === 'email'
        ? emailAddress.safeParse(url).success
          ? undefined
          : 'must be an email address for an email channel'
        : refusedWebhookUrl(url, this.options.webhookAllowLoopback);
    if (problem) {
      throw ProblemException.validation([{ path: 'url', message: problem }], `url ${problem}.`);
    }
  }
}

function toChannelResponse(channel: NotificationChannel): ChannelResponse {
  return {
    id: channel.id,
    name: channel.name,
    kind: channel.kind,
    hasSecret: channel.sealedUrl.length > 0,
    broken: channel.brokenAt !== null,
    brokenReason: channel.brokenReason,
    createdAt: channel.createdAt.toISOString(),
  };
}
