import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEventPage, PageQuery } from '@bearing/contracts';
import { DataSource } from 'typeorm';
import type { User } from '../accounts/user.entity.js';
import { usersByIds } from '../accounts/user.repository.js';
import type { AuditEvent } from './audit-event.entity.js';
import { auditEventPage } from './audit.repository.js';

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The workspace's audit log (the instance's for `null`), newest first, keyset-paged on
   * (created_at, id); each actor named as their account is named now. One transaction, so the
   * names are of the same moment.
   */
  async list(workspaceId: string | null, page: PageQuery): Promise<AuditEventPage> {
    return this.dataSource.transaction(async (manager) => {
      const { rows, nextCursor } = await auditEventPage(manager, workspaceId, page);
      const actors = await usersByIds(
        manager,
        rows.flatMap((event) => (event.actorUserId === null ? [] : [event.actorUserId])),
      );
      return {
        items: rows.map((event) =>
          toAuditEventResponse(
            event,
            event.actorUserId === null ? undefined : actors.get(event.actorUserId),
          ),
        ),
        nextCursor,
      };
    });
  }
}

function toAuditEventResponse(
  event: AuditEvent,
  actor: Pick<User, 'email' | 'displayName'> | undefined,
): AuditEventPage['items'][number] {
  return {
    id: event.id,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    targetLabel: event.targetLabel,
    actor: {
      userId: event.actorUserId,
      email: actor?.email ?? '',
      displayName: actor?.displayName ?? '',
    },
    actorTokenId: event.actorTokenId,
    requestId: event.requestId,
    createdAt: event.createdAt.toISOString(),
    details: event.details,
  };
}
