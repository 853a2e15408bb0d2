import type { EntityManager } from 'typeorm';
import { findUserById } from '../../accounts/user.repository.js';
import { recordAccountEvent } from '../account-audit.js';
import { insertIdentity, linkedUserId, takePendingLink } from './oidc.repository.js';

/**
 * Turns the account's pending single sign-on link into a link, if it has one: called when the
 * owner proves the account is theirs (a sign-in with its password, and second factor if it has
 * one, starts a session — never single sign-on or an invitation) or an instance admin confirms it. A link whose identity meanwhile went to another account is dropped.
 */
export async function confirmPendingSsoLink(
  manager: EntityManager,
  userId: string,
  confirmation: {
    by: 'password-sign-in' | 'instance-admin';
    actorUserId: string;
    requestId: string | null;
  },
): Promise<boolean> {
  const link = await takePendingLink(manager, userId);
  if (!link) return false;
  if ((await linkedUserId(manager, link.issuer, link.subject)) !== undefined) return false;
  await insertIdentity(manager, { userId, issuer: link.issuer, subject: link.subject });
  const user = await findUserById(manager, userId);
  await recordAccountEvent(manager, {
    userId: confirmation.actorUserId,
    email: user?.email ?? '',
    action: 'account.sso-linked',
    requestId: confirmation.requestId,
    details: { issuer: link.issuer, confirmedBy: confirmation.by, accountId: userId },
  });
  return true;
}
