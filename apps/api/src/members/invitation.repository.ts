import { type DeepPartial, type EntityManager, IsNull } from 'typeorm';
import { Membership } from '../workspaces/membership.entity.js';
import { Invitation } from './invitation.entity.js';

/**
 * Open: neither accepted nor expired, and its inviter is still an admin of the workspace with an
 * active account. Only an admin may invite, and an admin's pending invitations are revoked when
 * they stop being one (`revokeInvitationsOfFormerAdmin`); this condition is the second line, so
 * an invitation never works while the person who made it could not make it.
 */
const OPEN = `invitation.acceptedAt IS NULL AND invitation.expiresAt > now() AND EXISTS (
  SELECT 1
    FROM membership inviter_membership
    JOIN "user" inviter ON inviter.id = inviter_membership.user_id
   WHERE inviter_membership.workspace_id = invitation.workspace_id
     AND inviter_membership.user_id = invitation.invited_by_user_id
     AND inviter_membership.role = 'admin'
     AND inviter.disabled_at IS NULL)`;

/** The open invitations to `email`, with their workspace and inviter, soonest to expire first. */
export function openInvitationsTo(manager: EntityManager, email: string): Promise<Invitation[]> {
  return manager
    .getRepository(Invitation)
    .createQueryBuilder('invitation')
    .innerJoinAndSelect('invitation.workspace', 'workspace')
    .innerJoinAndSelect('invitation.invitedBy', 'invitedBy')
    .where('invitation.email = :email', { email })
    .andWhere(OPEN)
    .orderBy('invitation.expiresAt', 'ASC')
    .addOrderBy('invitation.id', 'ASC')
    .getMany();
}

/** The workspace's open invitations, with their inviter, soonest to expire first. */
export function openInvitationsOf(
  manager: EntityManager,
  workspaceId: string,
): Promise<Invitation[]> {
  return manager
    .getRepository(Invitation)
    .createQueryBuilder('invitation')
    .innerJoinAndSelect('invitation.invitedBy', 'invitedBy')
    .where('invitation.workspaceId = :workspaceId', { workspaceId })
    .andWhere(OPEN)
    .orderBy('invitation.expiresAt', 'ASC')
    .addOrderBy('invitation.id', 'ASC')
    .getMany();
}

/**
 * The workspace's open invitation `id`, locked for the rest of the transaction (so it is not
 * accepted while being revoked); null when there is none — another workspace's looks the same.
 */
export function lockOpenInvitationOf(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<Invitation | null> {
  return manager
    .getRepository(Invitation)
    .createQueryBuilder('invitation')
    .setLock('pessimistic_write')
    .where('invitation.id = :id', { id })
    .andWhere('invitation.workspaceId = :workspaceId', { workspaceId })
    .andWhere(OPEN)
    .getOne();
}

/**
 * The open invitation `id` to `email`, locked for the rest of the transaction (so it is used
 * once), with its workspace; null when there is none — someone else's looks the same.
 */
export function lockOpenInvitationTo(
  manager: EntityManager,
  id: string,
  email: string,
): Promise<Invitation | null> {
  return manager
    .getRepository(Invitation)
    .createQueryBuilder('invitation')
    .setLock('pessimistic_write', undefined, ['invitation'])
    .innerJoinAndSelect('invitation.workspace', 'workspace')
    .where('invitation.id = :id', { id })
    .andWhere('invitation.email = :email', { email })
    .andWhere(OPEN)
    .getOne();
}

/**
 * Whether the account with `email` is a member of the workspace already. One query whether or
 * not the email has an account, so adding a member does the same work either way.
 */
export function isMemberByEmail(
  manager: EntityManager,
  workspaceId: string,
  email: string,
): Promise<boolean> {
  return manager
    .getRepository(Membership)
    .createQueryBuilder('membership')
    .innerJoin('membership.user', 'user')
    .where('membership.workspaceId = :workspaceId', { workspaceId })
    .andWhere('user.email = :email', { email })
    .getExists();
}

/** Deletes the workspace's unused invitations of `email` (a new link replaces them). */
export async function deleteUnusedInvitationsOf(
  manager: EntityManager,
  workspaceId: string,
  email: string,
): Promise<void> {
  await manager.getRepository(Invitation).delete({ workspaceId, email, acceptedAt: IsNull() });
}

export function insertInvitation(
  manager: EntityManager,
  values: DeepPartial<Invitation>,
): Promise<Invitation> {
  const invitations = manager.getRepository(Invitation);
  return invitations.save(invitations.create(values));
}

/**
 * The open invitation whose link hashes to `tokenHash`, locked for the rest of the transaction
 * (so the link is used once); null when there is none.
 */
export function lockOpenInvitationByTokenHash(
  manager: EntityManager,
  tokenHash: string,
): Promise<Invitation | null> {
  return manager
    .getRepository(Invitation)
    .createQueryBuilder('invitation')
    .setLock('pessimistic_write')
    .where('invitation.tokenHash = :tokenHash', { tokenHash })
    .andWhere(OPEN)
    .getOne();
}

/** Marks the workspace's invitation `id` used, now. */
export async function markInvitationAccepted(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<void> {
  await manager
    .getRepository(Invitation)
    .update({ id, workspaceId }, { acceptedAt: () => 'now()' });
}

export async function deleteInvitation(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<void> {
  await manager.getRepository(Invitation).delete({ id, workspaceId });
}

/**
 * The pending (neither accepted nor expired) invitations `inviterUserId` made — in one workspace,
 * or in every one for `null` — locked for the rest of the transaction, with their workspace id,
 * oldest first. Whether the inviter is still an admin does not matter here.
 */
export function lockPendingInvitationsBy(
  manager: EntityManager,
  inviterUserId: string,
  workspaceId: string | null,
): Promise<Invitation[]> {
  const query = manager
    .getRepository(Invitation)
    .createQueryBuilder('invitation')
    .setLock('pessimistic_write')
    .where('invitation.invitedByUserId = :inviterUserId', { inviterUserId })
    .andWhere('invitation.acceptedAt IS NULL')
    .andWhere('invitation.expiresAt > now()');
  if (workspaceId !== null)
    query.andWhere('invitation.workspaceId = :workspaceId', { workspaceId });
  return query.orderBy('invitation.createdAt', 'ASC').addOrderBy('invitation.id', 'ASC').getMany();
}
