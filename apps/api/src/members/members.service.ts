import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AddMemberRequest,
  AddMemberResponse,
  Member,
  MemberPage,
  PageQuery,
  UpdateMemberRequest,
  WorkspaceInvitationList,
} from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/caller.js';
import { hashPassword } from '../common/secrets/password.js';
import { assertPasswordAcceptable } from '../accounts/passwords/password-policy.service.js';
import type { User } from '../accounts/user.entity.js';
import { requirePasswordChange } from '../accounts/user-admin.repository.js';
import { displayNameFromEmail, findUserByEmail, insertUser } from '../accounts/user.repository.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { ProblemException } from '../common/problem/problem.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import { revokeTokensOfUserIn } from '../tokens/user-tokens.repository.js';
import type { Membership } from '../workspaces/membership.entity.js';
import { isMemberByEmail } from './invitation.repository.js';
import { InvitationsService, revokeInvitationsOfFormerAdmin } from './invitations.service.js';
import { toMemberResponse } from './member.mapper.js';
import {
  assertAnotherAdminRemains,
  deleteMembership,
  findMembership,
  isActiveAdminOf,
  lockWorkspaceMemberships,
  membershipPage,
  saveMembership,
} from './membership.repository.js';
import { assertVersion } from '../common/problem/stale-version.js';

/** Every method takes the workspace id from the access guard and filters by it. */
@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invitations: InvitationsService,
  ) {}

  /** Members by email. */
  async list(workspaceId: string, page: PageQuery): Promise<MemberPage> {
    const { rows, nextCursor } = await membershipPage(this.dataSource.manager, workspaceId, page);
    return {
      items: rows.flatMap((membership) =>
        membership.user ? [toMemberResponse(membership, membership.user)] : [],
      ),
      nextCursor,
    };
  }

  /**
   * Invites a person by email to join with `role`. The answer is the same whether the email
   * has an account or not, and takes the same work, so it reveals no accounts: an existing
   * account joins only once its owner accepts. Only an instance admin may also give an initial
   * `password`, which makes a new account (to be changed at first sign-in) and leaves an
   * existing one untouched — so a workspace admin can neither take over an account nor pull
   * one in without its owner's consent.
   */
  async add(
    workspaceId: string,
    actor: Actor,
    caller: { instanceAdmin: boolean },
    request: AddMemberRequest,
  ): Promise<AddMemberResponse> {
    if (request.password !== undefined && !caller.instanceAdmin) {
      throw ProblemException.forbidden(
        'Only an instance administrator may create an account with an initial password: send an invitation instead.',
      );
    }
    if (request.password !== undefined) {
      await assertPasswordAcceptable('password', request.password, request);
    }
    const passwordHash =
      request.password === undefined ? undefined : await hashPassword(request.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        // Two invitations of one email at the same moment: the second replaces the first.
        await lockWorkspaceMemberships(manager, workspaceId);
        // Demoted, removed or deactivated while this request waited for the lock: their pending
        // invitations were just revoked, and this one would outlive their admin role too.
        if (!(await isActiveAdminOf(manager, workspaceId, actor.userId))) {
          throw ProblemException.forbidden(
            'You are no longer an admin of this workspace, so you cannot invite anyone to it.',
          );
        }
        if (await isMemberByEmail(manager, workspaceId, request.email)) {
          throw ProblemException.conflict('member-exists', `${request.email} is already a member.`);
        }
        if (passwordHash !== undefined && !(await findUserByEmail(manager, request.email))) {
          await createAccountWithPassword(manager, actor, request, passwordHash);
        }
        const invitation = await this.invitations.create(manager, workspaceId, actor, request);
        return { invitation };
      });
    } catch (error) {
      // Two instance admins making the same account at the same moment: one wins.
      if (isUniqueViolation(error)) {
        throw ProblemException.conflict(
          'member-exists',
          `${request.email} was just added; reload.`,
        );
      }
      throw error;
    }
  }

  /** The workspace's open invitations (admins). */
  listInvitations(workspaceId: string): Promise<WorkspaceInvitationList> {
    return this.invitations.listOf(this.dataSource.manager, workspaceId);
  }

  /** Revokes an open invitation of the workspace (audited); 404 for any other. */
  async revokeInvitation(workspaceId: string, actor: Actor, invitationId: string): Promise<void> {
    await this.dataSource.transaction((manager) =>
      this.invitations.revoke(manager, workspaceId, actor, invitationId),
    );
  }

  /**
   * Changes a member's role; the caller's `version` must be current (optimistic concurrency). An
   * admin who becomes an editor or viewer loses the invitations they made that are still pending.
   */
  async changeRole(
    workspaceId: string,
    actor: Actor,
    userId: string,
    { role, version }: UpdateMemberRequest,
  ): Promise<Member> {
    return this.dataSource.transaction(async (manager) => {
      await lockWorkspaceMemberships(manager, workspaceId);
      const membership = await findMembership(manager, workspaceId, userId);
      assertVersion('member', membership.version, version);
      if (membership.role === role) return toMemberResponse(membership, userOf(membership));
      if (membership.role === 'admin') {
        await assertAnotherAdminRemains(manager, workspaceId, userId, 'demote');
      }
      const from = membership.role;
      membership.role = role;
      const saved = await saveMembership(manager, membership);
      if (from === 'admin') {
        await revokeInvitationsOfFormerAdmin(manager, {
          inviter: userOf(membership),
          workspaceId,
          actor,
          reason: 'demoted',
        });
      }
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'member.role-changed',
        target: { type: 'user', id: userId },
        details: { email: userOf(membership).email, from, to: role },
      });
      return toMemberResponse(saved, userOf(membership));
    });
  }

  /**
   * Removes a member and revokes their API tokens for this workspace, and an admin's pending
   * invitations here.
   */
  async remove(workspaceId: string, actor: Actor, userId: string): Promise<void> {
    await this.endMembership(workspaceId, actor, userId, 'remove');
  }

  /**
   * The caller leaves the workspace: the same as an admin removing them (their API tokens and,
   * for an admin, pending invitations here are revoked), and never the last admin who can sign in.
   */
  async leave(workspaceId: string, actor: Actor): Promise<void> {
    await this.endMembership(workspaceId, actor, actor.userId, 'leave');
  }

  private async endMembership(
    workspaceId: string,
    actor: Actor,
    userId: string,
    change: 'remove' | 'leave',
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await lockWorkspaceMemberships(manager, workspaceId);
      const membership = await findMembership(manager, workspaceId, userId);
      if (membership.role === 'admin') {
        await assertAnotherAdminRemains(manager, workspaceId, userId, change);
      }
      await deleteMembership(manager, workspaceId, userId);
      if (membership.role === 'admin') {
        await revokeInvitationsOfFormerAdmin(manager, {
          inviter: userOf(membership),
          workspaceId,
          actor,
          reason: change === 'leave' ? 'left' : 'removed',
        });
      }
      const tokensRevoked = await revokeTokensOfUserIn(manager, workspaceId, userId);
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: change === 'leave' ? 'member.left' : 'member.removed',
        target: { type: 'user', id: userId },
        details: {
          email: userOf(membership).email,
          role: membership.role,
          tokensRevoked,
        },
      });
    });
  }
}

/** An account made by an instance admin with an initial password, recorded instance-wide. */
async function createAccountWithPassword(
  manager: EntityManager,
  actor: Actor,
  request: AddMemberRequest,
  passwordHash: string,
): Promise<void> {
  const user = await insertUser(manager, {
    email: request.email,
    displayName: request.displayName ?? displayNameFromEmail(request.email),
    passwordHash,
  });
  await requirePasswordChange(manager, user.id);
  await recordAuditEvent(manager, {
    workspaceId: null,
    actor,
    action: 'account.created',
    target: { type: 'account', id: user.id },
    details: { email: user.email, initialPassword: true },
  });
}

function userOf(membership: Membership): User {
  if (!membership.user) throw new Error('membership loaded without its user');
  return membership.user;
}
