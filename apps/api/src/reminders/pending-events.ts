import type { EntityManager } from 'typeorm';
import { type OutboxEventInput, publishEvent } from '../notifications/outbox.repository.js';
import { publishedDedupeKeys } from './published-events.repository.js';

/**
 * Publishes one workspace's reminders in one transaction, skipping those already published:
 * `build` runs only for the keys not yet sent, so a tick that finds nothing new writes nothing.
 * Two processes racing both insert; the outbox's unique dedupe key keeps one.
 */
export async function publishPending<Item>(
  manager: EntityManager,
  workspaceId: string,
  items: readonly { dedupeKey: string; item: Item }[],
  build: (manager: EntityManager, item: Item) => Promise<Omit<OutboxEventInput, 'dedupeKey'>>,
): Promise<number> {
  if (items.length === 0) return 0;
  const sent = await publishedDedupeKeys(
    manager,
    workspaceId,
    items.map(({ dedupeKey }) => dedupeKey),
  );
  const pending = items.filter(({ dedupeKey }) => !sent.has(dedupeKey));
  if (pending.length === 0) return 0;
  return manager.transaction(async (transaction) => {
    let published = 0;
    for (const { dedupeKey, item } of pending) {
      const event = await build(transaction, item);
      if (await publishEvent(transaction, { ...event, dedupeKey })) published += 1;
    }
    return published;
  });
}
