import type { PageQuery } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { createdAtIdOrder, keysetPage } from '../common/pagination/keyset-page.js';
import { Notification } from './notification.entity.js';

export type NewInboxEntry = Omit<Notification, 'id' | 'createdAt' | 'readAt'>;

/** Adds an inbox entry unless the user already has one for this event (idempotent). */
export async function insertInboxEntry(
  manager: EntityManager,
  entry: NewInboxEntry,
): Promise<void> {
  await manager.createQueryBuilder().insert().into(Notification).values(entry).orIgnore().execute();
}

/** A page of the user's inbox (all workspaces), newest first. */
export function inboxPage(
  manager: EntityManager,
  userId: string,
  page: PageQuery,
  unreadOnly: boolean,
): Promise<{ rows: Notification[]; nextCursor: string | null }> {
  const query = manager
    .getRepository(Notification)
    .createQueryBuilder('notification')
    .where('notification.userId = :userId', { userId });
  if (unreadOnly) query.andWhere('notification.readAt IS NULL');
  return keysetPage(query, page, createdAtIdOrder('notification', 'DESC'));
}

export function unreadCount(manager: EntityManager, userId: string): Promise<number> {
  return manager
    .getRepository(Notification)
    .createQueryBuilder('notification')
    .where('notification.userId = :userId AND notification.readAt IS NULL', { userId })
    .getCount();
}

export function findInboxEntry(
  manager: EntityManager,
  userId: string,
  id: string,
): Promise<Notification | null> {
  return manager.getRepository(Notification).findOneBy({ id, userId });
}

export async function setRead(
  manager: EntityManager,
  userId: string,
  id: string,
  readAt: Date | null,
): Promise<void> {
  await manager.getRepository(Notification).update({ id, userId }, { readAt });
}

/** Marks every unread entry of the user read; answers how many. */
export async function readAll(manager: EntityManager, userId: string, at: Date): Promise<number> {
  const result = await manager
    .getRepository(Notification)
    .createQueryBuilder()
    .update()
    .set({ readAt: at })
    .where('"user_id" = :userId AND "read_at" IS NULL', { userId })
    .execute();
  return result.affected ?? 0;
}
