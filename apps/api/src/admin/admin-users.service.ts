import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AdminUser,
  AdminUserListQuery,
  AdminUserPage,
  UpdateAdminUserRequest,
} from '@bearing/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/caller.js';
import type { User } from '../accounts/user.entity.js';
import {
  listUsers,
  lockActiveInstanceAdmins,
  lockUser,
  setUserDeactivated,
} from '../accounts/user-admin.repository.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
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
   * Deactivates or reactivates an account. Deactivating ends its sessions and revokes its API
   * tokens in the same transaction, so its very next request is refused; nobody deactivates
   * themselves, and the last active instance admin stays active. Reactivating lets the person
   * sign in again; their old sessions and tokens stay ended.
   */
  async setActive(
    actor: Actor,
    userId: string,
    { active }: UpdateAdminUserRequest,
  ): Promise<AdminUser> {
    return this.dataSource.transaction(async (manager) => {
      if (!active && userId === actor.userId) {
        throw ProblemException.conflict(
          'cannot-deactivate-self',
          'You cannot deactivate your own account: ask another instance administrator.',
        );
      }
      // Admins first, then the account: every deactivation takes the locks in this order.
      const activeAdmins = active ? [] : await lockActiveInstanceAdmins(manager);
      const user = await lockUser(manager, userId);
      if (!user) throw ProblemException.notFound('There is no such account.');
      const isActive = user.disabledAt === null;
      if (isActive === active) return toAdminUserResponse(user);
      if (!active && user.instanceAdmin && activeAdmins.every((id) => id === userId)) {
        throw ProblemException.conflict(
          'last-instance-admin',
          'This is the last active instance administrator, who cannot be deactivated.',
        );
      }
      await setUserDeactivated(manager, userId, !active);
      const revoked = active
        ? {}
        : {
            sessionsRevoked: await revokeSessionsOfUser(manager, userId),
            tokensRevoked: await revokeTokensOfUser(manager, userId),
          };
      await recordAuditEvent(manager, {
        workspaceId: null,
        actor,
        action: active ? 'account.reactivated' : 'account.deactivated',
        target: { type: 'account', id: userId },
        details: { email: user.email, ...revoked },
      });
      const updated = await lockUser(manager, userId);
      if (!updated) throw new Error('the account vanished inside its own transaction');
      return toAdminUserResponse(updated);
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
