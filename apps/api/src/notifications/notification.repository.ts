import type { PageQuery } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { createdAtIdOrder, keysetPage } from '../common/pagination/keyset-page.js';
import { Notification } from './notification.entity.js';

export type NewInboxEntry = Omit<Notification, 'id' | 'createdAt' | 'readAt'>;

/**
 * An inbox entry counts only while its user is still a member of its workspace: one removed
 * from a workspace (or leaving it) no longer sees its reports', alerts' and digests' titles and
 * bodies, nor counts them unread. Rejoining shows them again.
 */
const OF_A_CURRENT_WORKSPACE = `EXISTS (SELECT 1 FROM "membership" "m"
  WHERE "m"."workspace_id" = "notification"."workspace_id"
    AND "m"."user_id" = "notification"."user_id")`;

/** Adds an inbox entry unless the user already has one for this event (idempotent). */
export async function insertInboxEntry(
  manager: EntityManager,
  entry: NewInboxEntry,
): Promise<void> {
  await manager.createQueryBuilder().insert().into(Notification).values(entry).orIgnore().execute();
}

/** A page of the user's inbox (all the workspaces they belong to), newest first. */
export function inboxPage(
  manager: EntityManager,
  userId: string,
  page: PageQuery,
  unreadOnly: boolean,
): Promise<{ rows: Notification[]; nextCursor: string | null }> {
  const query = manager
    .getRepository(Notification)
    .createQueryBuilder('notification')
    .where('notification.userId = :userId', { userId })
    .andWhere(OF_A_CURRENT_WORKSPACE);
  if (unreadOnly) query.andWhere('notification.readAt IS NULL');
  return keysetPage(query, page, createdAtIdOrder('notification', 'DESC'));
}

export function unreadCount(manager: EntityManager, userId: string): Promise<number> {
  return manager
    .getRepository(Notification)
    .createQueryBuilder('notification')
    .where('notification.userId = :userId AND notification.readAt IS NULL', { userId })
    .andWhere(OF_A_CURRENT_WORKSPACE)
    .getCount();
}

export function findInboxEntry(
  manager: EntityManager,
  userId: string,
  id: string,
): Promise<Notification | null> {
  return manager
    .getRepository(Notification)
    .createQueryBuilder('notification')
    .where('notification.id = :id AND notification.userId = :userId', { id, userId })
    .andWhere(OF_A_CURRENT_WORKSPACE)
    .getOne();
}

export async function setRead(
  manager: EntityManager,
  userId: string,
  id: string,
  readAt: Date | null,
): Promise<void> {
  await manager.getRepository(Notification).update({ id, userId }, { readAt });
}

/** Marks every unread entry of the user's workspaces read; answers how many. */
export async function readAll(manager: EntityManager, userId: string, at: Date): Promise<number> {
  const result = await manager
    .getRepository(Notification)
    .createQueryBuilder()
    .update()
    .set({ readAt: at })
    .where('"user_id" = :userId AND "read_at" IS NULL', { userId })
    .andWhere(
      `EXISTS (SELECT 1 FROM "membership" "m"
        WHERE "m"."workspace_id" = "notification"."workspace_id" AND "m"."user_id" = :userId)`,
      { userId },
    )
    .execute();
  return result.affected ?? 0;
}
