import type { EntityManager } from 'typeorm';
import { IsNull, Not } from 'typeorm';
import { NotificationChannel } from './notification-channel.entity.js';

export function channelsOf(
  manager: EntityManager,
  workspaceId: string,
): Promise<NotificationChannel[]> {
  return manager
    .getRepository(NotificationChannel)
    .find({ where: { workspaceId }, order: { createdAt: 'ASC', id: 'ASC' } });
}

/** The channels an alert-channel event goes to: every working one of the workspace. */
export function workingChannelsOf(
  manager: EntityManager,
  workspaceId: string,
): Promise<NotificationChannel[]> {
  return manager
    .getRepository(NotificationChannel)
    .find({ where: { workspaceId, brokenAt: IsNull() }, order: { createdAt: 'ASC' } });
}

export function findChannel(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<NotificationChannel | null> {
  return manager.getRepository(NotificationChannel).findOneBy({ id, workspaceId });
}

export function saveChannel(
  manager: EntityManager,
  channel: Partial<NotificationChannel>,
): Promise<NotificationChannel> {
  const repository = manager.getRepository(NotificationChannel);
  return repository.save(repository.create(channel));
}

export async function deleteChannel(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<boolean> {
  const result = await manager.getRepository(NotificationChannel).delete({ id, workspaceId });
  return (result.affected ?? 0) > 0;
}

/**
 * Marks a broken channel working again (a test message reached it at `sealedUrl`); the channel
 * when this call changed it, null when it was not broken, is gone, or has another address now.
 */
export async function clearChannelBroken(
  manager: EntityManager,
  workspaceId: string,
  id: string,
  sealedUrl: string,
): Promise<NotificationChannel | null> {
  const result = await manager
    .getRepository(NotificationChannel)
    .update(
      { id, workspaceId, sealedUrl, brokenAt: Not(IsNull()) },
      { brokenAt: null, brokenReason: null },
    );
  if ((result.affected ?? 0) === 0) return null;
  return findChannel(manager, workspaceId, id);
}

/** Marks a channel broken unless it already is; true when this call marked it. */
export async function markChannelBroken(
  manager: EntityManager,
  id: string,
  at: Date,
  reason: string,
): Promise<boolean> {
  const result = await manager
    .getRepository(NotificationChannel)
    .update({ id, brokenAt: IsNull() }, { brokenAt: at, brokenReason: reason.slice(0, 300) });
  return (result.affected ?? 0) > 0;
}
