import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AddMemberRequest,
  AddMemberResponse,
  Member,
  MemberPage,
  PageQuery,
  UpdateMemberRequest,
  WorkspaceRole,
} from '@bearing/contracts';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { z } from 'zod';
import type { Actor } from '../access/caller.js';
import { hashPassword } from '../accounts/password.js';
import type { User } from '../accounts/user.entity.js';
import { displayNameFromEmail, findUserByEmail, insertUser } from '../accounts/user.repository.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { ProblemException } from '../common/problem/problem.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import { ApiToken } from '../tokens/api-token.entity.js';
import { Membership } from '../workspaces/membership.entity.js';
import { InvitationsService } from './invitations.service.js';
import { toMemberResponse } from './member.mapper.js';
import { assertAnotherAdminRemains, lockWorkspaceMemberships } from './membership.repository.js';
import { assertVersion } from '../common/problem/stale-version.js';
import { findInWorkspaceOr404 } from '../common/database/workspace-record.repository.js';
import { keysetPage } from '../common/pagination/keyset-page.js';

const emailPosition = z.tuple([z.string()]);

/** Every method takes the workspace id from the access guard and filters by it. */
@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invitations: InvitationsService,
  ) {}

  /** Members by email. */
  async list(workspaceId: string, { limit, cursor }: PageQuery): Promise<MemberPage> {
    const query = this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('membership')
      .innerJoinAndSelect('membership.user', 'user')
      .where('membership.workspaceId = :workspaceId', { workspaceId });
    const { rows, nextCursor } = await keysetPage(
      query,
      { cursor, limit },
      {
        // The inner join loads every membership's user.
        keys: [{ sort: 'user.email', valueOf: (membership) => membership.user!.email }],
        direction: 'ASC',
        shape: emailPosition,
      },
    );
    return {
      items: rows.flatMap((membership) =>
        membership.user ? [toMemberResponse(membership, membership.user)] : [],
      ),
      nextCursor,
    };
  }

  /**
   * Adds a person by email. An existing account joins as it is — its password is never
   * touched, so a workspace admin cannot take over an account. A new person gets an account
   * with the initial password, or an invite link to set their own.
   */
  async add(
    workspaceId: string,
    actor: Actor,
    request: AddMemberRequest,
  ): Promise<AddMemberResponse> {
    const passwordHash =
      request.password === undefined ? undefined : await hashPassword(request.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const existing = await findUserByEmail(manager, request.email);
        if (existing) {
          const member = await addMembership(manager, actor, {
            workspaceId,
            user: existing,
            role: request.role,
            accountCreated: false,
          });
          return { member, accountCreated: false, invitation: null };
        }
        if (passwordHash !== undefined) {
          const user = await insertUser(manager, {
            email: request.email,
            displayName: request.displayName ?? displayNameFromEmail(request.email),
            passwordHash,
          });
          const member = await addMembership(manager, actor, {
            workspaceId,
            user,
            role: request.role,
            accountCreated: true,
          });
          return { member, accountCreated: true, invitation: null };
        }
        const invitation = await this.invitations.create(manager, workspaceId, actor, request);
        return { member: null, accountCreated: false, invitation };
      });
    } catch (error) {
      // Two admins adding the same person at the same moment: one wins, the other is told.
      if (isUniqueViolation(error)) {
        throw ProblemException.conflict(
          'member-exists',
          `${request.email} was just added; reload.`,
        );
      }
      throw error;
    }
  }

  /** Changes a member's role; the caller's `version` must be current (optimistic concurrency). */
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
      const saved = await manager.getRepository(Membership).save(membership);
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

  /** Removes a member and revokes their API tokens for this workspace. */
  async remove(workspaceId: string, actor: Actor, userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await lockWorkspaceMemberships(manager, workspaceId);
      const membership = await findMembership(manager, workspaceId, userId);
      if (membership.role === 'admin') {
        await assertAnotherAdminRemains(manager, workspaceId, userId, 'remove');
      }
      await manager.getRepository(Membership).delete({ workspaceId, userId });
      const revoked = await manager
        .getRepository(ApiToken)
        .update({ workspaceId, userId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
      await recordAuditEvent(manager, {
        workspaceId,
        actor,
        action: 'member.removed',
        target: { type: 'user', id: userId },
        details: {
          email: userOf(membership).email,
          role: membership.role,
          tokensRevoked: revoked.affected ?? 0,
        },
      });
    });
  }
}

type NewMembership = {
  workspaceId: string;
  user: User;
  role: WorkspaceRole;
  /** Whether the account was made just now, for the audit log. */
  accountCreated: boolean;
};

async function addMembership(
  manager: EntityManager,
  actor: Actor,
  { workspaceId, user, role, accountCreated }: NewMembership,
): Promise<Member> {
  const memberships = manager.getRepository(Membership);
  if (await memberships.existsBy({ workspaceId, userId: user.id })) {
    throw ProblemException.conflict('member-exists', `${user.email} is already a member.`);
  }
  const membership = await memberships.save(
    memberships.create({ workspaceId, userId: user.id, role }),
  );
  await recordAuditEvent(manager, {
    workspaceId,
    actor,
    action: 'member.added',
    target: { type: 'user', id: user.id },
    details: { email: user.email, role, accountCreated },
  });
  return toMemberResponse(membership, user);
}

/** The membership in *this* workspace, or 404 — an id from another workspace is not found. */
async function findMembership(
  manager: EntityManager,
  workspaceId: string,
  userId: string,
): Promise<Membership> {
  return findInWorkspaceOr404(
    manager,
    Membership,
    { workspaceId, where: { userId }, relations: { user: true } },
    'There is no such member here.',
  );
}

function userOf(membership: Membership): User {
  if (!membership.user) throw new Error('membership loaded without its user');
  return membership.user;
}
