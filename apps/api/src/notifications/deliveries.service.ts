import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  NotificationDelivery as DeliveryResponse,
  NotificationDeliveryPage,
  NotificationDeliveryQuery,
} from '@bearing/contracts';
import type { DataSource } from 'typeorm';
import { toUserResponse } from '../accounts/accounts.service.js';
import { usersByIds } from '../accounts/user.repository.js';
import { ClockService } from '../common/clock/clock.service.js';
import { ProblemException } from '../common/problem/problem.js';
import { deliveryPage, findDelivery, requeueDelivery } from './delivery.repository.js';
import { findEvents } from './event.repository.js';
import type { NotificationDelivery } from './notification-delivery.entity.js';
import { NotificationPipeline } from './notification-pipeline.service.js';

/** The workspace's delivery log (admin): what went where, its state, attempts and last error. */
@Injectable()
export class DeliveriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: ClockService,
    private readonly pipeline: NotificationPipeline,
  ) {}

  async list(
    workspaceId: string,
    query: NotificationDeliveryQuery,
  ): Promise<NotificationDeliveryPage> {
    const { rows, nextCursor } = await deliveryPage(
      this.dataSource.manager,
      workspaceId,
      query,
      query.state,
    );
    return { items: await this.describe(rows), nextCursor };
  }

  /**
   * Sends a dead or retrying delivery again now; answers it as it stands afterwards. A delivery
   * a worker is sending right now (a live claim) is left to that worker: 409.
   */
  async retry(workspaceId: string, id: string): Promise<DeliveryResponse> {
    const manager = this.dataSource.manager;
    const delivery = await findDelivery(manager, workspaceId, id);
    if (!delivery) throw ProblemException.notFound('No such delivery in this workspace.');
    const now = this.clock.now();
    if (await requeueDelivery(manager, workspaceId, id, now)) {
      await this.pipeline.deliverNow(id, now);
    } else {
      const current = await findDelivery(manager, workspaceId, id);
      if (current?.state === 'sent') {
        throw ProblemException.conflict('already-sent', 'This delivery was already sent.');
      }
      if (current?.state === 'dead' || current?.state === 'retrying') {
        throw ProblemException.conflict(
          'being-sent',
          'This delivery is being sent right now; retry it once that attempt has finished.',
        );
      }
    }
    const updated = await findDelivery(manager, workspaceId, id);
    const [response] = await this.describe(updated ? [updated] : []);
    if (!response) throw ProblemException.notFound('No such delivery in this workspace.');
    return response;
  }

  private async describe(rows: NotificationDelivery[]): Promise<DeliveryResponse[]> {
    const manager = this.dataSource.manager;
    const events = new Map(
      (await findEvents(manager, [...new Set(rows.map((row) => row.eventId))])).map((event) => [
        event.id,
        event,
      ]),
    );
    const users = await usersByIds(
      manager,
      rows.flatMap((row) => (row.userId ? [row.userId] : [])),
    );
    return rows.flatMap((row) => {
      const event = events.get(row.eventId);
      if (!event) return [];
      const user = row.userId ? users.get(row.userId) : undefined;
      return [
        {
          id: row.id,
          notificationId: row.eventId,
          event: event.event,
          title: event.title,
          channel: row.channel,
          channelId: row.channelId,
          recipient: user ? toUserResponse(user) : null,
          state: row.state,
          attempts: row.attempts,
          lastError: row.lastError,
          createdAt: row.createdAt.toISOString(),
          nextAttemptAt:
            row.state === 'pending' || row.state === 'retrying'
              ? (row.nextAttemptAt?.toISOString() ?? null)
              : null,
          sentAt: row.sentAt?.toISOString() ?? null,
        },
      ];
    });
  }
}
