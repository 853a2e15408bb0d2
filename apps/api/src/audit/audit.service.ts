import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEventPage, PageQuery } from '@bearing/contracts';
import { DataSource } from 'typeorm';
import { createdAtIdOrder, keysetItems } from '../common/pagination/keyset-page.js';
import { AuditEvent } from './audit-event.entity.js';

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The workspace's audit log, newest first, keyset-paged on (created_at, id). */
  async list(workspaceId: string, { limit, cursor }: PageQuery): Promise<AuditEventPage> {
    const query = this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('event')
      .innerJoinAndSelect('event.actorUser', 'actor')
      .where('event.workspaceId = :workspaceId', { workspaceId });
    return keysetItems(
      query,
      { cursor, limit },
      createdAtIdOrder('event', 'DESC'),
      toAuditEventResponse,
    );
  }
}

function toAuditEventResponse(event: AuditEvent): AuditEventPage['items'][number] {
  return {
    id: event.id,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    targetLabel: event.targetLabel,
    actor: {
      userId: event.actorUserId,
      email: event.actorUser?.email ?? '',
      displayName: event.actorUser?.displayName ?? '',
    },
    actorTokenId: event.actorTokenId,
    requestId: event.requestId,
    createdAt: event.createdAt.toISOString(),
    details: event.details,
  };
}
