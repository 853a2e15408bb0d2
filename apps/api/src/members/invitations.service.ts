import { Injectable } from '@nestjs/common';
import type {
  AcceptInviteRequest,
  AddMemberRequest,
  Invitation as InvitationResponse,
} from '@bearing/contracts';
import { type EntityManager, IsNull } from 'typeorm';
import type { Actor } from '../access/caller.js';
import { hashPassword } from '../accounts/password.js';
import { findUserByEmail, insertUser } from '../accounts/user.repository.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { ProblemException } from '../common/problem/problem.js';
import { hashSecret, newSecret } from '../common/secrets/secret-token.js';
import { Membership } from '../workspaces/membership.entity.js';
import { Invitation } from './invitation.entity.js';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** One-time links that let a new person make their account and join a workspace. */
@Injectable()
export class InvitationsService {
  /** A new link for `email`; any earlier unused link for the same person here stops working. */
  async create(
    manager: EntityManager,
    workspaceId: string,
    actor: Actor,
    { email, role }: Pick<AddMemberRequest, 'email' | 'role'>,
  ): Promise<InvitationResponse> {
    const invitations = manager.getRepository(Invitation);
    await invitations.delete({ workspaceId, email, acceptedAt: IsNull() });
    const token = newSecret();
    const invitation = await invitations.save(
      invitations.create({
        workspaceId,
        email,
        role,
        tokenHash: hashSecret(token),
        invitedByUserId: actor.userId,
        expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
        acceptedAt: null,
      }),
    );
    await recordAuditEvent(manager, {
      workspaceId,
      actor,
      action: 'member.invited',
      target: { type: 'invitation', id: invitation.id },
      details: { email, role },
    });
    return {
      id: invitation.id,
      email,
      role,
      url: `/invite/${token}`,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /**
   * Uses up an invitation: creates the account and its membership. Returns the new user's id.
   * The row is locked so the same link cannot be accepted twice concurrently, and the password
   * is hashed only once the link proved valid, so forged links cost the server no argon2 work.
   */
  async accept(
    manager: EntityManager,
    { token, displayName, password }: AcceptInviteRequest,
    requestId: string | null,
  ): Promise<string> {
    const invitation = await manager
      .getRepository(Invitation)
      .createQueryBuilder('invitation')
      .setLock('pessimistic_write')
      .where('invitation.tokenHash = :tokenHash', { tokenHash: hashSecret(token) })
      .andWhere('invitation.acceptedAt IS NULL')
      .andWhere('invitation.expiresAt > now()')
      .getOne();
    if (!invitation) {
      throw ProblemException.notFound('This invite link is unknown, used already or expired.');
    }
    if (await findUserByEmail(manager, invitation.email)) {
      throw ProblemException.conflict(
        'account-exists',
        'An account with this email exists already: sign in, and ask an admin to add you.',
      );
    }
    const user = await insertUser(manager, {
      email: invitation.email,
      displayName,
      passwordHash: await hashPassword(password),
    });
    await manager.getRepository(Membership).insert({
      workspaceId: invitation.workspaceId,
      userId: user.id,
      role: invitation.role,
    });
    await manager.getRepository(Invitation).update(invitation.id, { acceptedAt: () => 'now()' });
    await recordAuditEvent(manager, {
      workspaceId: invitation.workspaceId,
      actor: { userId: user.id, tokenId: null, requestId },
      action: 'member.joined',
      target: { type: 'user', id: user.id },
      details: { email: user.email, role: invitation.role, invitationId: invitation.id },
    });
    return user.id;
  }
}
