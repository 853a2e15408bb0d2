import type { EntityManager } from 'typeorm';
import { NotificationEventRow } from './notification-event.entity.js';

/**
 * Locks up to `limit` events still in the outbox, skipping those another worker holds (and
 * `exceptIds`, those that failed earlier in this dispatch), so two workers never expand the same
 * event at once. Call inside a transaction.
 */
export function claimUnexpandedEvents(
  manager: EntityManager,
  limit: number,
  exceptIds: string[] = [],
): Promise<NotificationEventRow[]> {
  const query = manager
    .getRepository(NotificationEventRow)
    .createQueryBuilder('event')
    .where('event.expandedAt IS NULL');
  if (exceptIds.length > 0) query.andWhere('event.id NOT IN (:...exceptIds)', { exceptIds });
  return query
    .orderBy('event.createdAt', 'ASC')
    .addOrderBy('event.id', 'ASC')
    .limit(limit)
    .setLock('pessimistic_write')
    .setOnLocked('skip_locked')
    .getMany();
}

/** Counts one more failed attempt to expand the event; answers how many have failed. */
export async function countFailedExpansion(manager: EntityManager, id: string): Promise<number> {
  const [rows]: [{ expand_attempts: number }[], number] = await manager.query(
    `UPDATE "notification_event" SET "expand_attempts" = "expand_attempts" + 1
      WHERE "id" = $1 RETURNING "expand_attempts"`,
    [id],
  );
  return rows[0]?.expand_attempts ?? 0;
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
