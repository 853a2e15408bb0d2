import { Injectable } from '@nestjs/common';
import type {
  AcceptInviteRequest,
  AddMemberRequest,
  Invitation as InvitationResponse,
  MyInvitation,
  MyInvitationList,
  Workspace as WorkspaceResponse,
  WorkspaceInvitation,
  WorkspaceInvitationList,
} from '@bearing/contracts';
import type { EntityManager } from 'typeorm';
import type { Actor, CallerUser } from '../access/caller.js';
import { hashPassword } from '../common/secrets/password.js';
import { assertPasswordAcceptable } from '../accounts/passwords/password-policy.service.js';
import { findUserByEmail, insertUser } from '../accounts/user.repository.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { lockNameForTransaction } from '../database/advisory-lock.repository.js';
import { ClockService } from '../common/clock/clock.service.js';
import { ProblemException } from '../common/problem/problem.js';
import { hashSecret, newSecret } from '../common/secrets/secret-token.js';
import type { Invitation } from './invitation.entity.js';
import {
  deleteInvitation,
  deleteUnusedInvitationsOf,
  insertInvitation,
  lockPendingInvitationsBy,
  lockOpenInvitationByTokenHash,
  lockOpenInvitationOf,
  lockOpenInvitationTo,
  markInvitationAccepted,
  openInvitationsOf,
  openInvitationsTo,
} from './invitation.repository.js';
import { insertMembership, membershipOfUser } from './membership.repository.js';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Invitations to join a workspace: a new person accepts through the one-time link (making
 * their account), a person with an account accepts or declines in Bearing.
 */
/** The one answer to a link that cannot make an account, whatever the reason. */
export const UNUSABLE_INVITE_LINK =
  'This invite link is unknown, used already or expired. If you have a Bearing account already, sign in: invitations to your email wait there.';

@Injectable()
export class InvitationsService {
  constructor(private readonly clock: ClockService) {}

  /** A new link for `email`; any earlier unused link for the same person here stops working. */
  async create(
    manager: EntityManager,
    workspaceId: string,
    actor: Actor,
    { email, role }: Pick<AddMemberRequest, 'email' | 'role'>,
  ): Promise<InvitationResponse> {
    await deleteUnusedInvitationsOf(manager, workspaceId, email);
    const token = newSecret();
    const invitation = await insertInvitation(manager, {
      workspaceId,
      email,
      role,
      tokenHash: hashSecret(token),
      invitedByUserId: actor.userId,
      expiresAt: new Date(this.clock.now().getTime() + INVITATION_LIFETIME_MS),
      acceptedAt: null,
    });
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
    const invitation = await lockOpenInvitationByTokenHash(manager, hashSecret(token));
    // Two links to one email (from two workspaces) accepted at the same moment: the second
    // waits here until the first has made the account, then finds it.
    if (invitation) await lockNameForTransaction(manager, `account-email:${invitation.email}`);
    // An email that has an account by now gets the very answer of an unknown link, so the link
    // tells its holder nothing about which emails have accounts; the invitation stays open and
    // waits in that account's invitations (`GET /api/me/invitations`) to be accepted there.
    if (!invitation || (await findUserByEmail(manager, invitation.email))) {
      throw ProblemException.notFound(UNUSABLE_INVITE_LINK);
    }
    await assertPasswordAcceptable('password', password, { email: invitation.email, displayName });
    const user = await insertUser(manager, {
      email: invitation.email,
      displayName,
      passwordHash: await hashPassword(password),
    });
    await insertMembership(manager, {
      workspaceId: invitation.workspaceId,
      userId: user.id,
      role: invitation.role,
    });
    await markInvitationAccepted(manager, invitation.workspaceId, invitation.id);
    await recordAuditEvent(manager, {
      workspaceId: invitation.workspaceId,
      actor: { userId: user.id, tokenId: null, requestId },
      action: 'member.joined',
      target: { type: 'user', id: user.id },
      details: { email: user.email, role: invitation.role, invitationId: invitation.id },
    });
    return user.id;
  }

  /** The workspace's open invitations, for its admins. */
  async listOf(manager: EntityManager, workspaceId: string): Promise<WorkspaceInvitationList> {
    const invitations = await openInvitationsOf(manager, workspaceId);
    return { items: invitations.flatMap(toWorkspaceInvitationResponse) };
  }

  /**
   * An admin takes back an open invitation of the workspace: its link and the invited person's
   * in-app invitation stop working at once. Another workspace's, a used or an expired one is
   * not found.
   */
  async revoke(
    manager: EntityManager,
    workspaceId: string,
    actor: Actor,
    invitationId: string,
  ): Promise<void> {
    const invitation = await lockOpenInvitationOf(manager, workspaceId, invitationId);
    if (!invitation) throw ProblemException.notFound('There is no such open invitation here.');
    await deleteInvitation(manager, workspaceId, invitation.id);
    await recordAuditEvent(manager, {
      workspaceId,
      actor,
      action: 'invitation.revoked',
      target: { type: 'invitation', id: invitation.id },
      details: { email: invitation.email, role: invitation.role },
    });
  }

  /** The open invitations to the signed-in user's email. */
  async listMine(manager: EntityManager, user: CallerUser): Promise<MyInvitationList> {
    const invitations = await openInvitationsTo(manager, user.email);
    return { items: invitations.flatMap(toMyInvitationResponse) };
  }

  /**
   * The signed-in user accepts an invitation to their email: they join the workspace with the
   * invitation's role. Someone else's invitation, a used or an expired one is not found.
   */
  async acceptAsMember(
    manager: EntityManager,
    invitationId: string,
    user: CallerUser,
    requestId: string | null,
  ): Promise<WorkspaceResponse> {
    const invitation = await lockOpenInvitationTo(manager, invitationId, user.email);
    if (!invitation?.workspace) throw ProblemException.notFound(NO_SUCH_INVITATION);
    const existing = await membershipOfUser(manager, invitation.workspaceId, user.id);
    await markInvitationAccepted(manager, invitation.workspaceId, invitation.id);
    const { id, slug, name } = invitation.workspace;
    // Joined meanwhile another way: the invitation is used up, the role stays as it is.
    if (existing) return { id, slug, name, role: existing.role };
    await insertMembership(manager, {
      workspaceId: invitation.workspaceId,
      userId: user.id,
      role: invitation.role,
    });
    await recordAuditEvent(manager, {
      workspaceId: invitation.workspaceId,
      actor: { userId: user.id, tokenId: null, requestId },
      action: 'member.joined',
      target: { type: 'user', id: user.id },
      details: { email: user.email, role: invitation.role, invitationId: invitation.id },
    });
    return { id, slug, name, role: invitation.role };
  }

  /** The signed-in user declines an invitation to their email; the workspace's log says so. */
  async decline(
    manager: EntityManager,
    invitationId: string,
    user: CallerUser,
    requestId: string | null,
  ): Promise<void> {
    const invitation = await lockOpenInvitationTo(manager, invitationId, user.email);
    if (!invitation) throw ProblemException.notFound(NO_SUCH_INVITATION);
    await deleteInvitation(manager, invitation.workspaceId, invitation.id);
    await recordAuditEvent(manager, {
      workspaceId: invitation.workspaceId,
      actor: { userId: user.id, tokenId: null, requestId },
      action: 'invitation.declined',
      target: { type: 'invitation', id: invitation.id },
      details: { email: user.email, role: invitation.role },
    });
  }
}

const NO_SUCH_INVITATION = 'There is no such open invitation for you.';

function toWorkspaceInvitationResponse(invitation: Invitation): WorkspaceInvitation[] {
  const { invitedBy } = invitation;
  if (!invitedBy) return [];
  return [
    {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      invitedBy: { userId: invitedBy.id, displayName: invitedBy.displayName },
      createdAt: invitation.createdAt.toISOString(),
      expiresAt: invitation.expiresAt.toISOString(),
    },
  ];
}

function toMyInvitationResponse(invitation: Invitation): MyInvitation[] {
  const { workspace, invitedBy } = invitation;
  if (!workspace || !invitedBy) return [];
  return [
    {
      id: invitation.id,
      workspace: { slug: workspace.slug, name: workspace.name },
      role: invitation.role,
      invitedBy: { displayName: invitedBy.displayName },
      expiresAt: invitation.expiresAt.toISOString(),
    },
  ];
}

/** How a person stopped being an admin of a workspace. */
export type AdminRoleEnd = 'demoted' | 'removed' | 'left' | 'deactivated';

/**
 * Only an admin may invite, so when a person stops being an admin — demoted in Members or by
 * single sign-on's role map, removed, leaving, or their account deactivated — the invitations
 * they made and nobody has used yet are revoked in the caller's transaction: the links and the
 * invited people's in-app invitations stop working for good (they answer as any revoked one),
 * and should the person become an admin again, nothing comes back. Each revoked invitation gets
 * its own `invitation.revoked` event in its workspace's log, saying why.
 *
 * `workspaceId` names the workspace where they stopped being an admin; `null` revokes theirs in
 * every workspace (a deactivated account is an admin nowhere). The caller holds the workspace's
 * membership lock (`lockWorkspaceMemberships`), as inviting does, so an invitation made at the
 * same moment is either revoked here or refused. Answers how many were revoked.
 */
export async function revokeInvitationsOfFormerAdmin(
  manager: EntityManager,
  change: {
    inviter: { id: string; email: string };
    workspaceId: string | null;
    actor: Actor;
    reason: AdminRoleEnd;
    /** Set when single sign-on's role map made the change. */
    via?: 'sso';
  },
): Promise<number> {
  const { inviter, workspaceId, actor, reason, via } = change;
  const pending = await lockPendingInvitationsBy(manager, inviter.id, workspaceId);
  for (const invitation of pending) {
    await deleteInvitation(manager, invitation.workspaceId, invitation.id);
    await recordAuditEvent(manager, {
      workspaceId: invitation.workspaceId,
      actor,
      action: 'invitation.revoked',
      target: { type: 'invitation', id: invitation.id },
      details: {
        email: invitation.email,
        role: invitation.role,
        reason: `inviter-${reason}`,
        invitedBy: inviter.email,
        ...(via === undefined ? {} : { via }),
      },
    });
  }
  return pending.length;
}
