import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AdminUser,
  AdminUserListQuery,
  AdminUserPage,
  RevokedSessions,
  UpdateAdminUserRequest,
} from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/caller.js';
import type { User } from '../accounts/user.entity.js';
import {
  listUsers,
  lockActiveInstanceAdmins,
  lockUser,
  setInstanceAdmin,
  setUserDeactivated,
} from '../accounts/user-admin.repository.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { revokeInvitationsOfFormerAdmin } from '../members/invitations.service.js';
import { lockWorkspacesOnlyAdministeredBy } from '../members/membership.repository.js';
import { revokeSessionsOfUser } from '../auth/user-sessions.repository.js';
import { ProblemException } from '../common/problem/problem.js';
import { revokeTokensOfUser } from '../tokens/user-tokens.repository.js';

/** The instance admin's view of accounts: list, deactivate, reactivate. */
@Injectable()
export class AdminUsersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: AdminUserListQuery): Promise<AdminUserPage> {
    const { rows, nextCursor } = await listUsers(this.dataSource.manager, query);
    return { items: rows.map(toAdminUserResponse), nextCursor };
  }

  /**
   * Changes an account's standing: `active` and/or `instanceAdmin`, in one transaction. Admins'
   * rows are locked first, then the account: every change that could remove the last active
   * instance admin takes the locks in this order, so two admins demoting or deactivating each
   * other at once leave one.
   */
  async update(
    actor: Actor,
    userId: string,
    { active, instanceAdmin, leaveWorkspacesWithoutAdmin }: UpdateAdminUserRequest,
  ): Promise<AdminUser> {
    return this.dataSource.transaction(async (manager) => {
      if (active === false && userId === actor.userId) {
        throw ProblemException.conflict(
          'cannot-deactivate-self',
          'You cannot deactivate your own account: ask another instance administrator.',
        );
      }
      // Workspaces first, in the order Members and single sign-on take them, then accounts.
      const soleAdminOf =
        active === false ? await lockWorkspacesOnlyAdministeredBy(manager, userId) : [];
      const activeAdmins =
        active === false || instanceAdmin === false ? await lockActiveInstanceAdmins(manager) : [];
      const user = await lockUser(manager, userId);
      if (!user) throw ProblemException.notFound('There is no such account.');
      const lastAdmin = user.instanceAdmin && activeAdmins.every((id) => id === userId);
      if (active !== undefined) {
        await this.setActive(manager, actor, user, active, {
          lastAdmin,
          soleAdminOf,
          leaveWorkspacesWithoutAdmin: leaveWorkspacesWithoutAdmin === true,
        });
      }
      if (instanceAdmin !== undefined) {
        await this.setInstanceAdmin(manager, actor, user, instanceAdmin, lastAdmin);
      }
      const updated = await lockUser(manager, userId);
      if (!updated) throw new Error('the account vanished inside its own transaction');
      return toAdminUserResponse(updated);
    });
  }

  /**
   * Deactivating ends the account's sessions and revokes its API tokens and the invitations it
   * made that are still pending, in the same transaction, so its very next request is refused
   * and no link it handed out works; nobody deactivates themselves, and the
   * last active instance admin stays active. The only active admin of a workspace is refused
   * too (409 naming the workspaces: nobody could manage them, and instance admins cannot step
   * in), unless the caller confirms with `leaveWorkspacesWithoutAdmin` — a compromised account
   * must be stoppable at once; the audit event lists them. Reactivating lets the person sign
   * in again; their old sessions and tokens stay ended.
   */
  private async setActive(
    manager: EntityManager,
    actor: Actor,
    user: User,
    active: boolean,
    checks: {
      lastAdmin: boolean;
      soleAdminOf: { slug: string; name: string }[];
      leaveWorkspacesWithoutAdmin: boolean;
    },
  ): Promise<void> {
    if ((user.disabledAt === null) === active) return;
    if (!active && checks.lastAdmin) {
      throw ProblemException.conflict(
        'last-instance-admin',
        'This is the last active instance administrator, who cannot be deactivated.',
      );
    }
    const orphaned = active ? [] : checks.soleAdminOf;
    if (orphaned.length > 0 && !checks.leaveWorkspacesWithoutAdmin) {
      const named = orphaned.map(({ slug, name }) => `${name} (/w/${slug})`).join(', ');
      throw ProblemException.conflict(
        'last-workspace-admin',
        `${user.email} is the only active admin of ${named}: nobody could manage ${
          orphaned.length === 1 ? 'it' : 'them'
        } any more. Ask them to make another member an admin first, or deactivate anyway with leaveWorkspacesWithoutAdmin: true.`,
      );
    }
    await setUserDeactivated(manager, user.id, !active);
    const revoked = active
      ? {}
      : {
          sessionsRevoked: await revokeSessionsOfUser(manager, user.id),
          tokensRevoked: await revokeTokensOfUser(manager, user.id),
          invitationsRevoked: await revokeInvitationsOfFormerAdmin(manager, {
            inviter: user,
            workspaceId: null,
            actor,
            reason: 'deactivated',
          }),
        };
    await recordAuditEvent(manager, {
      workspaceId: null,
      actor,
      action: active ? 'account.reactivated' : 'account.deactivated',
      target: { type: 'account', id: user.id },
      details: {
        email: user.email,
        ...revoked,
        ...(orphaned.length > 0
          ? { workspacesLeftWithoutAdmin: orphaned.map(({ slug }) => slug) }
          : {}),
      },
    });
  }

  /** A second (third…) instance admin, or one fewer — never none. */
  private async setInstanceAdmin(
    manager: EntityManager,
    actor: Actor,
    user: User,
    instanceAdmin: boolean,
    lastAdmin: boolean,
  ): Promise<void> {
    if (user.instanceAdmin === instanceAdmin) return;
    if (!instanceAdmin && lastAdmin) {
      throw ProblemException.conflict(
        'last-instance-admin',
        'This is the last active instance administrator: make someone else one first.',
      );
    }
    await setInstanceAdmin(manager, user.id, instanceAdmin);
    await recordAuditEvent(manager, {
      workspaceId: null,
      actor,
      action: instanceAdmin ? 'account.instance-admin-granted' : 'account.instance-admin-revoked',
      target: { type: 'account', id: user.id },
      details: { email: user.email },
    });
  }

  /** Ends every session of the account (not its API tokens); recorded in the audit log. */
  async endSessions(actor: Actor, userId: string): Promise<RevokedSessions> {
    return this.dataSource.transaction(async (manager) => {
      const user = await lockUser(manager, userId);
      if (!user) throw ProblemException.notFound('There is no such account.');
      const revoked = await revokeSessionsOfUser(manager, user.id);
      await recordAuditEvent(manager, {
        workspaceId: null,
        actor,
        action: 'account.sessions-revoked',
        target: { type: 'account', id: user.id },
        details: { email: user.email, revoked, by: 'instance-admin' },
      });
      return { revoked };
    });
  }
}

function toAdminUserResponse(user: User): AdminUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    instanceAdmin: user.instanceAdmin,
    mfaEnabled: user.mfaEnabled,
    active: user.disabledAt === null,
    deactivatedAt: user.disabledAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
