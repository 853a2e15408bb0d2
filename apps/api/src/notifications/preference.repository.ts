import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { NotificationPreference } from './notification-preference.entity.js';

/** The stored preferences of these users (users who never chose have none). */
export async function preferencesOf(
  manager: EntityManager,
  userIds: string[],
): Promise<Map<string, NotificationPreference>> {
  if (userIds.length === 0) return new Map();
  const rows = await manager.getRepository(NotificationPreference).findBy({ userId: In(userIds) });
  return new Map(rows.map((row) => [row.userId, row]));
}

/** Writes a user's preferences whole (insert or replace). */
export async function savePreferences(
  manager: EntityManager,
  preference: Pick<NotificationPreference, 'userId' | 'events' | 'digest'>,
): Promise<void> {
  await manager.getRepository(NotificationPreference).save(preference);
}

/** Locks the user's preference row (creating an empty one), for a read-modify-write. */
export async function lockPreferences(
  manager: EntityManager,
  userId: string,
): Promise<NotificationPreference> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(NotificationPreference)
    .values({ userId })
    .orIgnore()
    .execute();
  return manager
    .getRepository(NotificationPreference)
    .findOneOrFail({ where: { userId }, lock: { mode: 'pessimistic_write' } });
}
