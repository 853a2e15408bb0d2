import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AccountSessionList, RevokedSessions } from '@bearing/contracts';
import { DataSource } from 'typeorm';
import { ProblemException } from '../../common/problem/problem.js';
import { recordAccountEvent } from '../account-audit.js';
import {
  liveSessionsOfUser,
  revokeSessionOfUser,
  revokeSessionsOfUserExcept,
} from './account-sessions.repository.js';
import { deviceLabel } from './session-device.js';

/** The signed-in user's view of their own sessions: list them, end one, end all others. */
@Injectable()
export class AccountSessionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(userId: string, currentSessionId: string): Promise<AccountSessionList> {
    const sessions = await liveSessionsOfUser(this.dataSource.manager, userId);
    return {
      items: sessions.map((session) => ({
        id: session.id,
        device: deviceLabel(session.userAgent),
        ip: session.ip,
        createdAt: session.createdAt.toISOString(),
        lastSeenAt: session.lastSeenAt.toISOString(),
        current: session.id === currentSessionId,
      })),
    };
  }

  /** Ends one of the caller's sessions (the current one too: that signs this browser out). */
  async revoke(
    user: { id: string; email: string },
    sessionId: string,
    requestId: string | null,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await revokeSessionOfUser(manager, user.id, sessionId))) {
        throw ProblemException.notFound('You have no such session.');
      }
      await recordAccountEvent(manager, {
        userId: user.id,
        email: user.email,
        action: 'account.sessions-revoked',
        requestId,
        details: { revoked: 1 },
      });
    });
  }

  /** Ends every session of the caller but this one. */
  async revokeOthers(
    user: { id: string; email: string },
    currentSessionId: string,
    requestId: string | null,
  ): Promise<RevokedSessions> {
    return this.dataSource.transaction(async (manager) => {
      const revoked = await revokeSessionsOfUserExcept(manager, user.id, currentSessionId);
      if (revoked > 0) {
        await recordAccountEvent(manager, {
          userId: user.id,
          email: user.email,
          action: 'account.sessions-revoked',
          requestId,
          details: { revoked },
        });
      }
      return { revoked };
    });
  }

  /** Signs the caller out everywhere, this browser included ("sign out everywhere"). */
  async revokeAll(
    user: { id: string; email: string },
    requestId: string | null,
  ): Promise<RevokedSessions> {
    return this.dataSource.transaction(async (manager) => {
      const revoked = await revokeSessionsOfUserExcept(manager, user.id, null);
      await recordAccountEvent(manager, {
        userId: user.id,
        email: user.email,
        action: 'account.sessions-revoked',
        requestId,
        details: { revoked, everywhere: true },
      });
      return { revoked };
    });
  }
}
