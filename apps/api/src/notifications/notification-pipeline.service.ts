import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type DeliveryChannel, deliveryChannelSchema } from '@bearing/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ClockService } from '../common/clock/clock.service.js';
import { SecretBox } from '../common/secrets/secret-box.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { Scheduler } from '../jobs/jobs.module.js';
import { findChannel, markChannelBroken, workingChannelsOf } from './channel.repository.js';
import { audienceAdmitsRole } from './audience-roles.js';
import { DeliveryFailure } from './delivery-failure.js';
import {
  claimDueDeliveries,
  hasDueDeliveries,
  insertDeliveries,
  type NewDelivery,
  postponeClaimed,
  recordAttempt,
  renewClaim,
} from './delivery.repository.js';
import {
  claimUnexpandedEvents,
  countFailedExpansion,
  findEvents,
  markExpanded,
} from './event.repository.js';
import { wantedChannels } from './event-preferences.js';
import { MailError, Mailer } from '../common/mail/mailer.service.js';
import { emailMessage, linkTo, renderEvent, slackMessage, teamsMessage } from './messages.js';
import type { NotificationDelivery } from './notification-delivery.entity.js';
import type { NotificationEventRow } from './notification-event.entity.js';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from './notification-options.js';
import { insertInboxEntry } from './notification.repository.js';
import { publishEvent } from './outbox.repository.js';
import { preferencesOf } from './preference.repository.js';
import {
  followerIds,
  membersAmong,
  type Recipient,
  workspaceAdminIds,
  workspaceLabel,
} from './recipients.repository.js';
import { unsubscribeToken } from './unsubscribe-token.js';
import { WebhookSender } from './webhook-sender.service.js';

export const NOTIFICATIONS_DISPATCH = 'notifications.dispatch';

const BATCH = 50;
/**
 * Deliveries claimed at once, and sent at once: the batch's destinations (a channel, a user's
 * email or inbox) in parallel, each destination's own deliveries one after another.
 */
const SEND_BATCH = 8;
/**
 * How long one `notifications.dispatch` job keeps expanding and claiming sends; what is still
 * due then goes to a follow-up job. With the sends of its last batch (SMTP gives up after 30 s,
 * webhooks after 10 s) the job ends well inside its 120 s timeout, so a slow or unreachable mail
 * server or webhook can never make one job overrun and hold its queue.
 */
const DISPATCH_BUDGET_MS = 30_000;
/**
 * How long the minute tick spends on notifications: expansion and inbox rows, database work
 * only, never a send to another server, so alert rules, Jira schedules and reminders never wait
 * on a mail server or a webhook.
 */
const TICK_BUDGET_MS = 15_000;
/**
 * How long a worker holds a delivery before another may take it over. A batch is claimed at
 * once, and each delivery's claim is renewed right before its own send, so this need only
 * outlast one destination's sends of a batch (SMTP gives up after 30 s), not the whole dispatch.
 */
const CLAIM_MS = 5 * 60_000;
/** Failed expansions of one event (one per dispatch) before it is given up. */
const MAX_EXPAND_ATTEMPTS = 5;
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 60 * 60_000;
/** A delivery still failing this long after it was created is dead. */
const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;

/**
 * Turns outbox events into deliveries and sends them. A dispatch first expands the events still
 * in the outbox — recipients from follows, the producer's users, admins and the workspace's
 * channels, filtered by membership, role and preferences — into delivery rows whose unique
 * dedupe key makes each (event, recipient, channel) exist once, then sends the deliveries that
 * are due, each claimed by one worker. However many workers and ticks run, each message goes
 * out once; failures retry with exponential backoff and die after 24 hours.
 *
 * The minute tick does the database half only (expansion and inbox rows, within
 * TICK_BUDGET_MS) and leaves email, Slack and Teams to the `notifications.dispatch` job, which
 * sends a few at once and stops claiming after DISPATCH_BUDGET_MS, handing the rest to a
 * follow-up job: the tick's other work never waits on another server.
 */
@Injectable()
export class NotificationPipeline implements OnModuleInit {
  private readonly logger = new Logger(NotificationPipeline.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: ClockService,
    private readonly box: SecretBox,
    private readonly mailer: Mailer,
    private readonly webhooks: WebhookSender,
    private readonly queue: JobQueue,
    private readonly scheduler: Scheduler,
    @Inject(NOTIFICATION_OPTIONS) private readonly options: NotificationOptions,
  ) {}

  onModuleInit(): void {
    this.scheduler.register('notifications', (now) => this.tick(now));
    this.queue.register(
      NOTIFICATIONS_DISPATCH,
      async () => {
        if (!(await this.dispatch(this.clock.now()))) await this.dispatchSoon();
      },
      { retries: 0, timeoutSeconds: 120 },
    );
  }

  /** Asks a worker to dispatch now rather than at the next tick. */
  async dispatchSoon(): Promise<void> {
    await this.queue.enqueue(NOTIFICATIONS_DISPATCH, {}, { singletonKey: 'dispatch' });
  }

  /**
   * The minute tick's share: expands the outbox and writes the inbox rows that are due — the
   * database alone, within TICK_BUDGET_MS — and asks for a dispatch job when sends to other
   * servers (or work past the budget) wait.
   */
  async tick(now: Date): Promise<void> {
    const deadline = Date.now() + TICK_BUDGET_MS;
    const expanded = await this.expandUntil(now, deadline);
    const inboxDone = await this.deliverUntil(now, deadline, ['inbox']);
    if (
      !expanded ||
      !inboxDone ||
      (await hasDueDeliveries(this.dataSource.manager, now, ['email', 'slack', 'teams']))
    ) {
      await this.dispatchSoon();
    }
  }

  /**
   * Expands the outbox and sends what is due, for up to `budgetMs` of claiming; true when
   * nothing due was left, false when the budget ran out first (the caller asks for more).
   */
  async dispatch(now: Date, budgetMs = DISPATCH_BUDGET_MS): Promise<boolean> {
    const deadline = Date.now() + budgetMs;
    if (!(await this.expandUntil(now, deadline))) return false;
    return this.deliverUntil(now, deadline);
  }

  /** Sends one delivery now if it is due (the retry route); answers nothing. */
  async deliverNow(deliveryId: string, now: Date): Promise<void> {
    await this.deliverSome(now, { onlyIds: [deliveryId] });
  }

  /** Expands batches until the outbox is done (true) or `deadline` passed (false). */
  private async expandUntil(now: Date, deadline: number): Promise<boolean> {
    // Events whose expansion failed wait for the next dispatch rather than being tried again now.
    const failed = new Set<string>();
    while (Date.now() < deadline) {
      if ((await this.expandSome(now, failed)) === 0) return true;
    }
    return false;
  }

  /**
   * Sends batches until nothing is due (true) or `deadline` passed (false). Once an email is to
   * be retried (the mail server refused it for now, or could not be reached), this dispatch
   * claims no more emails: the rest wait for the next tick's dispatch rather than each waiting
   * out the same dead server.
   */
  private async deliverUntil(
    now: Date,
    deadline: number,
    only: readonly DeliveryChannel[] = deliveryChannelSchema.options,
  ): Promise<boolean> {
    let channels = [...only];
    while (Date.now() < deadline) {
      const { claimed, emailRetrying } = await this.deliverSome(now, { channels });
      if (emailRetrying) channels = channels.filter((channel) => channel !== 'email');
      if (claimed === 0) return true;
    }
    return false;
  }

  /**
   * Expands a batch of outbox events. One that fails (its savepoint rolled back) stays in the
   * outbox and is tried again at the next dispatch; only after MAX_EXPAND_ATTEMPTS failures is it
   * given up — marked expanded and logged as an error — so a passing fault drops no notification.
   */
  private async expandSome(now: Date, failed: Set<string>): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const events = await claimUnexpandedEvents(manager, BATCH, [...failed]);
      for (const event of events) {
        let expanded = true;
        try {
          // A savepoint: one event that cannot be expanded must not hold up the others.
          await manager.transaction(async (inner) => {
            await insertDeliveries(inner, await this.deliveriesOf(inner, event), now);
          });
        } catch (error) {
          expanded = await this.expansionFailed(manager, event, error);
          if (!expanded) failed.add(event.id);
        }
        if (expanded) await markExpanded(manager, event.id, now);
      }
      return events.length;
    });
  }

  /** Counts a failed expansion and logs it; true when the event is given up for good. */
  private async expansionFailed(
    manager: EntityManager,
    event: NotificationEventRow,
    error: unknown,
  ): Promise<boolean> {
    const attempts = await countFailedExpansion(manager, event.id);
    const label = `event ${event.id} (${event.event}) could not be expanded`;
    if (attempts >= MAX_EXPAND_ATTEMPTS) {
      this.logger.error(`${label} in ${attempts} attempts, giving up: ${safeMessage(error)}`);
      return true;
    }
    this.logger.warn(`${label} (attempt ${attempts}), will try again: ${safeMessage(error)}`);
    return false;
  }

  private async deliveriesOf(
    manager: EntityManager,
    event: NotificationEventRow,
  ): Promise<NewDelivery[]> {
    const { audience } = event;
    const userIds = new Set(audience.users ?? []);
    for (const id of await followerIds(manager, event.workspaceId, audience.followersOf ?? [])) {
      userIds.add(id);
    }
    if (audience.workspaceAdmins) {
      for (const id of await workspaceAdminIds(manager, event.workspaceId)) userIds.add(id);
    }
    let recipients = (await membersAmong(manager, event.workspaceId, [...userIds])).filter(
      ({ role }) => audienceAdmitsRole(audience, role),
    );
    if (recipients.length === 0 && audience.adminsWhenNobody) {
      const admins = await workspaceAdminIds(manager, event.workspaceId);
      recipients = await membersAmong(manager, event.workspaceId, admins);
    }
    const preferences = await preferencesOf(
      manager,
      recipients.map(({ userId }) => userId),
    );
    const base = { workspaceId: event.workspaceId, eventId: event.id, channelId: null };
    const deliveries: NewDelivery[] = [];
    for (const recipient of recipients) {
      const wants = wantedChannels(preferences.get(recipient.userId), event.event);
      if (wants.inbox) deliveries.push({ ...base, userId: recipient.userId, channel: 'inbox' });
      if (wants.email && this.mailer.enabled && hasEmail(recipient)) {
        deliveries.push({ ...base, userId: recipient.userId, channel: 'email' });
      }
    }
    if (audience.alertChannels) {
      for (const channel of await workingChannelsOf(manager, event.workspaceId)) {
        if (channel.kind === 'email' && !this.mailer.enabled) continue;
        deliveries.push({ ...base, userId: null, channelId: channel.id, channel: channel.kind });
      }
    }
    return deliveries;
  }

  /**
   * Claims a batch of due deliveries and sends it: each destination's deliveries in order, the
   * destinations at once. When a send is to be retried, the destination's later deliveries of
   * the batch wait until that retry too, unsent (a Slack webhook that times out is not tried
   * once per message). Answers how many were claimed, and whether an email is to be retried.
   */
  private async deliverSome(
    now: Date,
    options: { onlyIds?: string[]; channels?: DeliveryChannel[] } = {},
  ): Promise<{ claimed: number; emailRetrying: boolean }> {
    const claimed = await claimDueDeliveries(
      this.dataSource.manager,
      now,
      CLAIM_MS,
      SEND_BATCH,
      options.onlyIds,
      options.channels,
    );
    const events = new Map(
      (await findEvents(this.dataSource.manager, [...new Set(claimed.map((d) => d.eventId))])).map(
        (event) => [event.id, event],
      ),
    );
    const byDestination = new Map<string, NotificationDelivery[]>();
    for (const delivery of claimed) {
      const destination = delivery.channelId ?? `${delivery.userId}:${delivery.channel}`;
      byDestination.set(destination, [...(byDestination.get(destination) ?? []), delivery]);
    }
    let emailRetrying = false;
    await Promise.all(
      [...byDestination.values()].map(async (deliveries) => {
        let retryAt: Date | null = null;
        for (const delivery of deliveries) {
          const event = events.get(delivery.eventId);
          if (retryAt && delivery.claimToken) {
            await postponeClaimed(
              this.dataSource.manager,
              delivery.id,
              delivery.claimToken,
              retryAt,
            );
          } else if (event) {
            retryAt = await this.sendClaimed(delivery, event, now);
            if (retryAt && delivery.channel === 'email') emailRetrying = true;
          }
        }
      }),
    );
    return { claimed: claimed.length, emailRetrying };
  }

  /** Sends a claimed delivery if its claim still holds; answers when it is retried, if it is. */
  private async sendClaimed(
    delivery: NotificationDelivery,
    event: NotificationEventRow,
    now: Date,
  ): Promise<Date | null> {
    // The destination's earlier sends may have outlasted this delivery's claim, and another
    // worker may have claimed and sent it meanwhile: send only while the claim is still ours.
    const claimToken = delivery.claimToken;
    if (
      !claimToken ||
      !(await renewClaim(this.dataSource.manager, delivery.id, claimToken, CLAIM_MS))
    ) {
      this.logger.warn(`delivery ${delivery.id} skipped: its claim lapsed before its turn`);
      return null;
    }
    return this.attempt(delivery, claimToken, event, now);
  }

  private async attempt(
    delivery: NotificationDelivery,
    claimToken: string,
    event: NotificationEventRow,
    now: Date,
  ): Promise<Date | null> {
    const manager = this.dataSource.manager;
    try {
      await this.send(delivery, event);
      const recorded = await recordAttempt(manager, delivery.id, claimToken, {
        state: 'sent',
        lastError: null,
        nextAttemptAt: null,
        sentAt: now,
      });
      if (!recorded) this.logger.warn(`delivery ${delivery.id} sent after its claim was taken`);
      return null;
    } catch (error) {
      const failure =
        error instanceof DeliveryFailure
          ? error
          : error instanceof MailError
            ? new DeliveryFailure(error.message, error.transient ? 'retry' : 'give-up')
            : new DeliveryFailure(`${(error as Error).name}: ${safeMessage(error)}`, 'retry');
      const attempts = delivery.attempts + 1;
      const expired = now.getTime() - delivery.createdAt.getTime() >= GIVE_UP_AFTER_MS;
      const retry = failure.outcome === 'retry' && !expired;
      const retryAt = retry ? new Date(now.getTime() + backoffMs(attempts)) : null;
      await recordAttempt(manager, delivery.id, claimToken, {
        state: retry ? 'retrying' : 'dead',
        lastError: failure.message,
        nextAttemptAt: retryAt,
        sentAt: null,
      });
      this.logger.warn(
        `delivery ${delivery.id} (${delivery.channel}) ${retry ? 'will be retried' : 'is dead'}: ${failure.message}`,
      );
      if (failure.outcome === 'broken' && delivery.channelId) {
        await this.markBroken(delivery.channelId, event.workspaceId, failure.message, now);
      }
      return retryAt;
    }
  }

  private async send(delivery: NotificationDelivery, event: NotificationEventRow): Promise<void> {
    const manager = this.dataSource.manager;
    if (delivery.userId) {
      const [recipient] = await membersAmong(manager, event.workspaceId, [delivery.userId]);
      if (!recipient) {
        throw new DeliveryFailure(
          'the recipient is no longer a member of the workspace',
          'give-up',
        );
      }
      if (!audienceAdmitsRole(event.audience, recipient.role)) {
        throw new DeliveryFailure(
          `the recipient's role (${recipient.role}) no longer receives this notification`,
          'give-up',
        );
      }
      const rendered = renderEvent(event, this.options.publicUrl, recipient.audience);
      if (delivery.channel === 'inbox') {
        await insertInboxEntry(manager, {
          userId: recipient.userId,
          workspaceId: event.workspaceId,
          eventId: event.id,
          event: event.event,
          subjectType: event.subjectType,
          subjectId: event.subjectId,
          title: rendered.title,
          body: rendered.body,
          path: event.path,
        });
        return;
      }
      const unsubscribeUrl = linkTo(
        this.options.publicUrl,
        `/api/unsubscribe/${unsubscribeToken(this.box, recipient.userId, event.event)}`,
      );
      const message = emailMessage(rendered, unsubscribeUrl);
      await this.mailer.send({
        to: recipient.email,
        ...message,
        headers: {
          'List-Unsubscribe': `<${unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      });
      return;
    }
    const channel = delivery.channelId
      ? await findChannel(manager, event.workspaceId, delivery.channelId)
      : null;
    if (!channel) throw new DeliveryFailure('the channel was removed', 'give-up');
    if (channel.brokenAt) throw new DeliveryFailure('the channel is marked broken', 'give-up');
    const address = this.box.open(channel.sealedUrl);
    const rendered = renderEvent(event, this.options.publicUrl);
    if (channel.kind === 'email') {
      await this.mailer.send({ to: address, ...emailMessage(rendered, undefined) });
    } else if (channel.kind === 'slack') {
      await this.webhooks.post(address, slackMessage(rendered));
    } else {
      await this.webhooks.post(address, teamsMessage(rendered));
    }
  }

  /** Marks the channel broken once and tells the workspace's admins in their inbox. */
  private async markBroken(
    channelId: string,
    workspaceId: string,
    reason: string,
    now: Date,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await markChannelBroken(manager, channelId, now, reason))) return;
      const channel = await findChannel(manager, workspaceId, channelId);
      const slug = (await workspaceLabel(manager, workspaceId))?.slug ?? '';
      await publishEvent(manager, {
        workspaceId,
        event: 'channel.broken',
        subject: { type: 'channel', id: channelId },
        title: `Notification channel "${channel?.name ?? 'unknown'}" stopped working`,
        body: `${reason}. Messages to it are no longer sent; enter its new address under Settings → Notifications.`,
        path: `/w/${slug}/settings/notifications`,
        audience: { workspaceAdmins: true },
        dedupeKey: `channel.broken:${channelId}:${now.toISOString()}`,
        data: { status: 'broken' },
      });
    });
  }
}

function hasEmail(recipient: Recipient): boolean {
  return recipient.email.includes('@');
}

/** 1, 2, 4, 8 … minutes, at most an hour. */
function backoffMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_RETRY_MS);
}

function safeMessage(error: unknown): string {
  return String((error as Error).message ?? error)
    .replace(/https?:\/\/\S+/g, '<url>')
    .slice(0, 500);
}
