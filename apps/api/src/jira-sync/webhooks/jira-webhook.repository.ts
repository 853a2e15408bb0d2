import type { EntityManager } from 'typeorm';
import { TeamSource } from '../team-source.entity.js';
import { JiraWebhook } from './jira-webhook.entity.js';

/** What answering a webhook request needs of its source, found by id alone (no workspace yet). */
export type HookTarget = Pick<
  TeamSource,
  'id' | 'workspaceId' | 'teamId' | 'enabled' | 'state' | 'webhookSecretHash'
> & { signingSecretSealed: string | null };

/**
 * The source a webhook address names, with its signing secret. The only lookup without a
 * workspace: the caller is Jira, and the path's secret (checked against `webhookSecretHash`
 * by the caller of this function) is what proves the request belongs to this source.
 */
export async function hookTarget(
  manager: EntityManager,
  sourceId: string,
): Promise<HookTarget | null> {
  const source = await manager.getRepository(TeamSource).findOne({
    where: { id: sourceId },
    select: {
      id: true,
      workspaceId: true,
      teamId: true,
      enabled: true,
      state: true,
      webhookSecretHash: true,
    },
  });
  if (!source) return null;
  const webhook = await manager
    .getRepository(JiraWebhook)
    .findOneBy({ sourceId, workspaceId: source.workspaceId });
  return { ...source, signingSecretSealed: webhook?.signingSecretSealed ?? null };
}

/** The source's webhook row, or null when nothing was ever stored for it. */
export function webhookOf(
  manager: EntityManager,
  workspaceId: string,
  sourceId: string,
): Promise<JiraWebhook | null> {
  return manager.getRepository(JiraWebhook).findOneBy({ workspaceId, sourceId });
}

/** Stores (or clears, with nulls) the sealed signing secret, creating the row if needed. */
export async function saveSigningSecret(
  manager: EntityManager,
  values: Pick<
    JiraWebhook,
    'workspaceId' | 'sourceId' | 'signingSecretSealed' | 'signingSecretKeyId'
  >,
): Promise<JiraWebhook> {
  await manager
    .getRepository(JiraWebhook)
    .upsert(values, { conflictPaths: ['sourceId'], skipUpdateIfNoValuesChanged: false });
  return manager.getRepository(JiraWebhook).findOneByOrFail({
    workspaceId: values.workspaceId,
    sourceId: values.sourceId,
  });
}

/**
 * Notes an accepted request at `now` and tells whether it opens a burst: true when no delayed
 * sync is pending for the source (or the pending one is older than `staleBefore` — its job
 * was lost), in which case the caller queues one; false when one is pending already and will
 * cover this event too. One statement, and `burstId` is this request's own, so concurrent
 * requests on several processes agree on which one opened the burst.
 */
export async function noteEvent(
  manager: EntityManager,
  target: Pick<HookTarget, 'id' | 'workspaceId'>,
  burstId: string,
  now: Date,
  staleBefore: Date,
): Promise<boolean> {
  const rows = await manager.query<{ opened: boolean }[]>(
    `INSERT INTO jira_webhook AS hook
            (source_id, workspace_id, last_received_at, pending_since, pending_burst_id)
     VALUES ($1, $2, $3, $3, $4)
     ON CONFLICT (source_id) DO UPDATE
       SET last_received_at = EXCLUDED.last_received_at,
           pending_since = CASE WHEN hook.pending_since IS NULL OR hook.pending_since < $5
             THEN EXCLUDED.pending_since ELSE hook.pending_since END,
           pending_burst_id = CASE WHEN hook.pending_since IS NULL OR hook.pending_since < $5
             THEN EXCLUDED.pending_burst_id ELSE hook.pending_burst_id END
     WHERE hook.workspace_id = $2
     RETURNING (pending_burst_id = $4) AS opened`,
    [target.id, target.workspaceId, now, burstId, staleBefore],
  );
  return rows[0]?.opened === true;
}

/**
 * Ends the source's burst as its delayed sync is asked for: events from now on open a new one
 * (and so lead to a sync that starts after them).
 */
export async function closeBurst(
  manager: EntityManager,
  workspaceId: string,
  sourceId: string,
): Promise<void> {
  await manager
    .getRepository(JiraWebhook)
    .update({ workspaceId, sourceId }, { pendingSince: null, pendingBurstId: null });
}

/** Replaces the hash of the address's secret: the old address stops working at once. */
export async function replaceAddressSecret(
  manager: EntityManager,
  workspaceId: string,
  sourceId: string,
  secretHash: string,
): Promise<void> {
  await manager
    .getRepository(TeamSource)
    .createQueryBuilder()
    .update(TeamSource)
    .set({
      webhookSecretHash: secretHash,
      updatedAt: () => '"updated_at"',
      version: () => '"version"',
    })
    .where('id = :sourceId AND workspace_id = :workspaceId', { sourceId, workspaceId })
    .execute();
}
