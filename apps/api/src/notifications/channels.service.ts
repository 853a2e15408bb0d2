import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateNotificationChannelRequest,
  NotificationChannel as ChannelResponse,
  NotificationChannelList,
  NotificationChannelTestResult,
  UpdateNotificationChannelRequest,
} from '@bearing/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import type { Actor } from '../access/caller.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { ProblemException } from '../common/problem/problem.js';
import { SecretBox } from '../common/secrets/secret-box.js';
import {
  channelsOf,
  clearChannelBroken,
  deleteChannel,
  findChannel,
  saveChannel,
} from './channel.repository.js';
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
 * Every change is audited in its transaction, by name and kind — never the address.
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
    actor: Actor,
    request: CreateNotificationChannelRequest,
  ): Promise<ChannelResponse> {
    this.checkAddress(request.kind, request.url);
    return this.dataSource.transaction(async (manager) => {
      const channel = await saveChannel(manager, {
        workspaceId,
        name: request.name,
        kind: request.kind,
        sealedUrl: this.box.seal(request.url),
        brokenAt: null,
        brokenReason: null,
      });
      await audit(manager, actor, 'notification-channel.created', channel, {});
      return toChannelResponse(channel);
    });
  }

  /** A new name and/or address; a new address makes a broken channel a working one again. */
  async update(
    workspaceId: string,
    actor: Actor,
    id: string,
    request: UpdateNotificationChannelRequest,
  ): Promise<ChannelResponse> {
    return this.dataSource.transaction(async (manager) => {
      const channel = await this.find(workspaceId, id, manager);
      const changed: string[] = [];
      const wasBroken = channel.brokenAt !== null;
      if (request.url !== undefined) {
        this.checkAddress(channel.kind, request.url);
        channel.sealedUrl = this.box.seal(request.url);
        channel.brokenAt = null;
        channel.brokenReason = null;
        changed.push('address');
      }
      if (request.name !== undefined && request.name !== channel.name) {
        channel.name = request.name;
        changed.push('name');
      }
      const saved = await saveChannel(manager, channel);
      await audit(manager, actor, 'notification-channel.updated', saved, {
        changed,
        ...(wasBroken && saved.brokenAt === null ? { repaired: true } : {}),
      });
      return toChannelResponse(saved);
    });
  }

  async remove(workspaceId: string, actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const channel = await this.find(workspaceId, id, manager);
      if (!(await deleteChannel(manager, workspaceId, id))) {
        throw ProblemException.notFound('No such notification channel in this workspace.');
      }
      await audit(manager, actor, 'notification-channel.deleted', channel, {});
    });
  }

  /**
   * Sends a test message at once and says what happened. One that arrives at a broken channel
   * (say its webhook answered 404 while Slack reinstalled the app) proves it works: the channel
   * is marked working again, audited, and alert events reach it from then on.
   */
  async test(
    workspaceId: string,
    actor: Actor,
    id: string,
  ): Promise<NotificationChannelTestResult> {
    const tested = await this.find(workspaceId, id);
    const result = await this.send(tested);
    if (!result.ok) return result;
    const repaired = await this.dataSource.transaction(async (manager) => {
      // Only if the address is still the one the message reached: one entered meanwhile (and
      // perhaps broken since) is not proven by it.
      const channel = await clearChannelBroken(manager, workspaceId, id, tested.sealedUrl);
      if (channel) {
        await audit(manager, actor, 'notification-channel.updated', channel, {
          changed: ['broken'],
          repaired: true,
        });
      }
      return channel !== null;
    });
    return repaired
      ? { ok: true, detail: `${result.detail} The channel works again: alerts are sent to it.` }
      : result;
  }

  private async send(channel: NotificationChannel): Promise<NotificationChannelTestResult> {
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

  private async find(
    workspaceId: string,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<NotificationChannel> {
    const channel = await findChannel(manager, workspaceId, id);
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

/** Audits a change to a channel by its name and kind; the address is never in the details. */
function audit(
  manager: EntityManager,
  actor: Actor,
  action:
    | 'notification-channel.created'
    | 'notification-channel.updated'
    | 'notification-channel.deleted',
  channel: NotificationChannel,
  details: Record<string, unknown>,
): Promise<void> {
  return recordAuditEvent(manager, {
    workspaceId: channel.workspaceId,
    actor,
    action,
    target: { type: 'notification-channel', id: channel.id },
    details: { name: channel.name, kind: channel.kind, ...details },
  });
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
