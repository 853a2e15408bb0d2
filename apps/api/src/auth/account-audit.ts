import type { AuditAction } from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import { recordAuditEvent } from '../audit/audit.repository.js';

/**
 * Records a change to one account's credentials in the instance audit log (no workspace). The
 * details never hold a password, token or link — only what happened and how many sessions ended.
 */
export function recordAccountEvent(
  manager: EntityManager,
  event: {
    userId: string;
    email: string;
    action: AuditAction;
    /** Who did it: the user themselves, or null for a reset link (whoever holds it). */
    requestId: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  return recordAuditEvent(manager, {
    workspaceId: null,
    actor: { userId: event.userId, tokenId: null, requestId: event.requestId },
    action: event.action,
    target: { type: 'account', id: event.userId },
    details: { email: event.email, ...event.details },
  });
}
