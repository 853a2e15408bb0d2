import { randomUUID } from 'node:crypto';
import type { DeliveryChannel, DeliveryState, PageQuery } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { createdAtIdOrder, keysetPage } from '../common/pagination/keyset-page.js';
import { NotificationDelivery } from './notification-delivery.entity.js';

export type NewDelivery = {
  workspaceId: string;
  eventId: string;
  userId: string | null;
  channelId: string | null;
  channel: DeliveryChannel;
};

/** The one key of a delivery: an event reaches a recipient on a channel once. */
export function deliveryDedupeKey(delivery: NewDelivery): string {
  const recipient = delivery.userId ? `user:${delivery.userId}` : `channel:${delivery.channelId}`;
  return `${delivery.eventId}:${recipient}:${delivery.channel}`;
}

/** Inserts the deliveries that do not exist yet (by dedupe key); answers how many were new. */
export async function insertDeliveries(
  manager: EntityManager,
  deliveries: NewDelivery[],
  now: Date,
): Promise<number> {
  if (deliveries.length === 0) return 0;
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(NotificationDelivery)
    .values(
      deliveries.map((delivery) => ({
        ...delivery,
        dedupeKey: deliveryDedupeKey(delivery),
        state: 'pending' as const,
        nextAttemptAt: now,
        createdAt: now,
      })),
    )
    .orIgnore()
    .returning(['id'])
    .execute();
  return (result.raw as unknown[]).length;
}

/**
 * Claims up to `limit` deliveries that are due (pending or retrying, next attempt reached, not
 * held by a live claim) for `claimMs`, skipping rows another worker is claiming: each is sent by
 * one worker. A worker that dies mid-send lets its claim lapse, and another retries. The claim
 * stores a fresh random token (on each returned delivery's `claimToken`): the worker renews its
 * claim with it right before each send, and records the attempt with it, so a worker whose claim
 * lapsed while the delivery waited its turn and which another worker took over sends nothing.
 *
 * Whether a delivery is due follows the app's clock (`now`, which schedules retries and which
 * tests pin); the claim's lease follows the database's clock, like the Jira sync's lease, so a
 * claim lapses after `claimMs` of real time whatever one process's clock says — a clock moved
 * ahead cannot make a send still in flight look abandoned and send it twice.
 */
export async function claimDueDeliveries(
  manager: EntityManager,
  now: Date,
  claimMs: number,
  limit: number,
  onlyIds?: string[],
  channels?: DeliveryChannel[],
): Promise<NotificationDelivery[]> {
  // An UPDATE … RETURNING answers [rows, affected count] through TypeORM's postgres driver.
  const [rows]: [{ id: string }[], number] = await manager.query(
    `UPDATE "notification_delivery"
        SET "claimed_until" = clock_timestamp() + $2::int * interval '1 millisecond',
            "claim_token" = $5::uuid
      WHERE "id" IN (
        SELECT "id" FROM "notification_delivery"
         WHERE "state" IN ('pending', 'retrying') AND "next_attempt_at" <= $1
           AND ("claimed_until" IS NULL OR "claimed_until" < clock_timestamp())
           AND ($4::uuid[] IS NULL OR "id" = ANY($4::uuid[]))
           AND ($6::text[] IS NULL OR "channel" = ANY($6::text[]))
         ORDER BY "next_attempt_at", "id"
         LIMIT $3
         FOR UPDATE SKIP LOCKED)
      RETURNING "id"`,
    [now, claimMs, limit, onlyIds ?? null, randomUUID(), channels ?? null],
  );
  if (rows.length === 0) return [];
  return manager
    .getRepository(NotificationDelivery)
    .createQueryBuilder('delivery')
    .where('delivery.id IN (:...ids)', { ids: rows.map((row) => row.id) })
    .orderBy('delivery.nextAttemptAt', 'ASC')
    .getMany();
}

/**
 * Whether a delivery on one of `channels` (any channel when null) is due and free to claim at
 * `now`: the minute tick asks, after writing the inbox rows itself, whether email, Slack or Teams
 * sends wait for the `notifications.dispatch` job.
 */
export async function hasDueDeliveries(
  manager: EntityManager,
  now: Date,
  channels: DeliveryChannel[] | null,
): Promise<boolean> {
  const [row] = await manager.query<{ due: boolean }[]>(
    `SELECT EXISTS (
       SELECT 1 FROM "notification_delivery"
        WHERE "state" IN ('pending', 'retrying') AND "next_attempt_at" <= $1
          AND ("claimed_until" IS NULL OR "claimed_until" < clock_timestamp())
          AND ($2::text[] IS NULL OR "channel" = ANY($2::text[]))) AS "due"`,
    [now, channels],
  );
  return row?.due === true;
}

/**
 * Extends the claim `claimToken` holds on the delivery by `claimMs` from now (database clock),
 * right before it is sent; false when that claim lapsed or another worker's claim replaced it —
 * then the delivery is not this worker's to send.
 */
export async function renewClaim(
  manager: EntityManager,
  id: string,
  claimToken: string,
  claimMs: number,
): Promise<boolean> {
  const [rows]: [{ id: string }[], number] = await manager.query(
    `UPDATE "notification_delivery"
        SET "claimed_until" = clock_timestamp() + $3::int * interval '1 millisecond'
      WHERE "id" = $1 AND "claim_token" = $2 AND "claimed_until" > clock_timestamp()
        AND "state" IN ('pending', 'retrying')
      RETURNING "id"`,
    [id, claimToken, claimMs],
  );
  return rows.length > 0;
}

/**
 * Puts a claimed delivery back, unsent and its attempts uncounted, due at `nextAttemptAt`, if
 * `claimToken` still holds it: an earlier send to the same destination is to be retried then.
 */
export async function postponeClaimed(
  manager: EntityManager,
  id: string,
  claimToken: string,
  nextAttemptAt: Date,
): Promise<void> {
  await manager
    .getRepository(NotificationDelivery)
    .createQueryBuilder()
    .update()
    .set({ nextAttemptAt, claimedUntil: null, claimToken: null })
    .where('"id" = :id AND "claim_token" = :claimToken', { id, claimToken })
    .execute();
}

/**
 * Records the outcome of one attempt and releases the claim, if `claimToken` still holds it;
 * false (and nothing changed) when another worker's claim replaced it.
 */
export async function recordAttempt(
  manager: EntityManager,
  id: string,
  claimToken: string,
  outcome: {
    state: DeliveryState;
    lastError: string | null;
    nextAttemptAt: Date | null;
    sentAt: Date | null;
  },
): Promise<boolean> {
  const result = await manager
    .getRepository(NotificationDelivery)
    .createQueryBuilder()
    .update()
    .set({ ...outcome, claimedUntil: null, claimToken: null, attempts: () => '"attempts" + 1' })
    .where('"id" = :id AND "claim_token" = :claimToken', { id, claimToken })
    .execute();
  return (result.affected ?? 0) > 0;
}

/** A page of the workspace's delivery log, newest first, optionally of one state. */
export function deliveryPage(
  manager: EntityManager,
  workspaceId: string,
  page: PageQuery,
  state: DeliveryState | undefined,
): Promise<{ rows: NotificationDelivery[]; nextCursor: string | null }> {
  const query = manager
    .getRepository(NotificationDelivery)
    .createQueryBuilder('delivery')
    .where('delivery.workspaceId = :workspaceId', { workspaceId });
  if (state) query.andWhere('delivery.state = :state', { state });
  return keysetPage(query, page, createdAtIdOrder('delivery', 'DESC'));
}

export function findDelivery(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<NotificationDelivery | null> {
  return manager.getRepository(NotificationDelivery).findOneBy({ id, workspaceId });
}

/**
 * Puts a dead (or retrying) delivery back in line for one attempt now (past its 24 hours, a
 * failing attempt leaves it dead again); false when it was already sent, is pending, or is held
 * by a live claim — a retrying delivery some worker is sending right now keeps its claim, which
 * wiping would let a second worker send it again.
 */
export async function requeueDelivery(
  manager: EntityManager,
  workspaceId: string,
  id: string,
  now: Date,
): Promise<boolean> {
  const result = await manager
    .getRepository(NotificationDelivery)
    .createQueryBuilder()
    .update()
    .set({ state: 'retrying', nextAttemptAt: now, claimedUntil: null })
    .where(
      `"id" = :id AND "workspace_id" = :workspaceId AND "state" IN ('dead', 'retrying')
       AND ("claimed_until" IS NULL OR "claimed_until" < clock_timestamp())`,
      { id, workspaceId },
    )
    .execute();
  return (result.affected ?? 0) > 0;
}
