import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Notification as NotificationResponse,
  NotificationPage,
  NotificationQuery,
  ReadAllNotificationsResponse,
} from '@bearing/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { ClockService } from '../common/clock/clock.service.js';
import { ProblemException } from '../common/problem/problem.js';
import { linkTo } from './messages.js';
import type { Notification } from './notification.entity.js';
import { NOTIFICATION_OPTIONS, type NotificationOptions } from './notification-options.js';
import {
  findInboxEntry,
  inboxPage,
  readAll,
  setRead,
  unreadCount,
} from './notification.repository.js';
import { workspaceLabel } from './recipients.repository.js';

/** The signed-in user's in-app inbox across their workspaces. */
@Injectable()
export class InboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: ClockService,
    @Inject(NOTIFICATION_OPTIONS) private readonly options: NotificationOptions,
  ) {}

  async list(userId: string, query: NotificationQuery): Promise<NotificationPage> {
    const manager = this.dataSource.manager;
    const { rows, nextCursor } = await inboxPage(manager, userId, query, query.unread === 'true');
    return {
      items: await this.describe(manager, rows),
      unreadCount: await unreadCount(manager, userId),
      nextCursor,
    };
  }

  async markRead(userId: string, id: string, read: boolean): Promise<NotificationResponse> {
    const manager = this.dataSource.manager;
    const entry = await findInboxEntry(manager, userId, id);
    if (!entry) throw ProblemException.notFound('No such notification.');
    const readAt = read ? (entry.readAt ?? this.clock.now()) : null;
    await setRead(manager, userId, id, readAt);
    const [response] = await this.describe(manager, [{ ...entry, readAt }]);
    if (!response) throw ProblemException.notFound('No such notification.');
    return response;
  }

  async readAll(userId: string): Promise<ReadAllNotificationsResponse> {
    return { updated: await readAll(this.dataSource.manager, userId, this.clock.now()) };
  }

  private async describe(
    manager: EntityManager,
    rows: Notification[],
  ): Promise<NotificationResponse[]> {
    const workspaces = new Map<string, { slug: string; name: string } | undefined>();
    for (const id of new Set(rows.map((row) => row.workspaceId))) {
      workspaces.set(id, await workspaceLabel(manager, id));
    }
    return rows.flatMap((row) => {
      const workspace = workspaces.get(row.workspaceId);
      if (!workspace) return [];
      return [
        {
          id: row.id,
          workspace: { id: row.workspaceId, ...workspace },
          event: row.event,
          subject: {
            type: row.subjectType as NotificationResponse['subject']['type'],
            id: row.subjectId,
          },
          title: row.title,
          body: row.body,
          url: linkTo(this.options.publicUrl, row.path),
          createdAt: row.createdAt.toISOString(),
          readAt: row.readAt?.toISOString() ?? null,
        },
      ];
    });
  }
}
