import type { AuditAction, PageQuery } from '@bearing/contracts';
import { createdAtIdOrder, keysetPage } from '../common/pagination/keyset-page.js';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/caller.js';
import { AuditEvent } from './audit-event.entity.js';
import { auditTargetLabel, type AuditTargetType, nameFromDetails } from './audit-target.js';
import { nameOfAuditTarget } from './audit-target.repository.js';

export type AuditRecord = {
  /** Null for an event of the instance (the instance audit log), not of one workspace. */
  workspaceId: string | null;
  /** Nobody (`userId: null`) only for what no account can be named for: a refused single sign-on. */
  actor: Actor | { userId: null; tokenId: null; requestId: string | null };
  action: AuditAction;
  target: { type: AuditTargetType; id: string | null };
  /** What changed; never a secret, password or token. */
  details?: Record<string, unknown>;
};

/**
 * Records one write. It takes the writer's transaction manager, so the event commits or rolls
 * back together with the write it describes — the log never claims a write that did not happen
 * nor misses one that did. The target's label is read in the same transaction, so it shows the
 * target as it was named right after the write, even after a later rename or delete.
 */
export async function recordAuditEvent(manager: EntityManager, record: AuditRecord): Promise<void> {
  const events = manager.getRepository(AuditEvent);
  const details = record.details ?? {};
  const name =
    (record.workspaceId === null
      ? null
      : await nameOfAuditTarget(manager, record.workspaceId, record.target)) ??
    nameFromDetails(details);
  await events.save(
    events.create({
      workspaceId: record.workspaceId,
      actorUserId: record.actor.userId,
      actorTokenId: record.actor.tokenId,
      requestId: record.actor.requestId,
      action: record.action,
      targetType: record.target.type,
      targetId: record.target.id,
      targetLabel: auditTargetLabel(record.target.type, name),
      details,
    }),
  );
}

/**
 * A page of the workspace's audit log — or, for `null`, the instance's (the events of no
 * workspace) — newest first, keyset-paged on (created_at, id).
 */
export function auditEventPage(
  manager: EntityManager,
  workspaceId: string | null,
  page: PageQuery,
): Promise<{ rows: AuditEvent[]; nextCursor: string | null }> {
  const query = manager
    .getRepository(AuditEvent)
    .createQueryBuilder('event')
    .where(
      workspaceId === null ? 'event.workspaceId IS NULL' : 'event.workspaceId = :workspaceId',
      { workspaceId },
    );
  return keysetPage(query, page, createdAtIdOrder('event', 'DESC'));
}

/** Whether the workspace's audit trail holds an event of this action. */
export function auditEventRecorded(
  manager: EntityManager,
  workspaceId: string,
  action: AuditAction,
): Promise<boolean> {
  return manager.getRepository(AuditEvent).existsBy({ workspaceId, action });
}
