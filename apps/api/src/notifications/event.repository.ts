import type { EntityManager } from 'typeorm';
import { NotificationEventRow } from './notification-event.entity.js';

/**
 * Locks up to `limit` events still in the outbox, skipping those another worker holds, so two
 * workers never expand the same event at once. Call inside a transaction.
 */
export function claimUnexpandedEvents(
  manager: EntityManager,
  limit: number,
): Promise<NotificationEventRow[]> {
  return manager
    .getRepository(NotificationEventRow)
    .createQueryBuilder('event')
    .where('event.expandedAt IS NULL')
    .orderBy('event.createdAt', 'ASC')
    .addOrderBy('event.id', 'ASC')
    .limit(limit)
    .setLock('pessimistic_write')
    .setOnLocked('skip_locked')
    .getMany();
}

export async function markExpanded(manager: EntityManager, id: string, at: Date): Promise<void> {
  await manager.getRepository(NotificationEventRow).update({ id }, { expandedAt: at });
}

export function findEvents(manager: EntityManager, ids: string[]): Promise<NotificationEventRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return manager
    .getRepository(NotificationEventRow)
    .createQueryBuilder('event')
    .where('event.id IN (:...ids)', { ids })
    .getMany();
}
