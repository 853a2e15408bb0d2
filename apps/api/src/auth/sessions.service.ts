import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import type { CallerUser } from '../access/caller.js';
import { hashSecret, newSecret } from '../common/secrets/secret-token.js';
import { Session } from './session.entity.js';
import { touchSession } from './sessions.repository.js';

/** Signed out after this long without a request. */
export const SESSION_IDLE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** Signed out this long after signing in, however active. */
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** `last_seen_at` is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export type IssuedSession = { token: string; expiresAt: Date };
export type AuthenticatedSession = { sessionId: string; user: CallerUser };
/** The browser a session is started from, shown in the user's list of sessions. */
export type SessionOrigin = { ip: string | null; userAgent: string | null };

/** Longer user agents are cut: the column only has to name the device. */
const USER_AGENT_MAX_LENGTH = 300;

@Injectable()
export class SessionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Starts a session for `userId`. The session the browser had before (if any) is revoked:
   * rotating on sign-in means a session id planted before sign-in is worthless after it.
   */
  async start(
    manager: EntityManager,
    userId: string,
    previousToken: string | undefined,
    origin: SessionOrigin = { ip: null, userAgent: null },
  ): Promise<IssuedSession> {
    const sessions = manager.getRepository(Session);
    if (previousToken !== undefined) {
      await sessions.update(
        { tokenHash: hashSecret(previousToken), revokedAt: IsNull() },
        { revokedAt: () => 'now()' },
      );
    }
    const token = newSecret();
    const now = Date.now();
    const expiresAt = new Date(now + SESSION_LIFETIME_MS);
    await sessions.insert({
      userId,
      tokenHash: hashSecret(token),
      idleExpiresAt: new Date(now + SESSION_IDLE_TIMEOUT_MS),
      expiresAt,
      ip: origin.ip?.slice(0, 64) ?? null,
      userAgent: origin.userAgent?.slice(0, USER_AGENT_MAX_LENGTH) ?? null,
    });
    return { token, expiresAt };
  }

  /** The live session for a cookie value, moving its idle expiry forward; else `undefined`. */
  async authenticate(token: string): Promise<AuthenticatedSession | undefined> {
    const session = await this.dataSource
      .getRepository(Session)
      .createQueryBuilder('session')
      .innerJoinAndSelect('session.user', 'user')
      .where('session.tokenHash = :tokenHash', { tokenHash: hashSecret(token) })
      .andWhere('session.revokedAt IS NULL')
      .andWhere('session.idleExpiresAt > now()')
      .andWhere('session.expiresAt > now()')
      .andWhere('user.disabledAt IS NULL')
      .getOne();
    if (!session?.user) return undefined;
    if (Date.now() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await touchSession(this.dataSource.manager, session.id, SESSION_IDLE_TIMEOUT_MS / 1000);
    }
    const { id, email, displayName, instanceAdmin } = session.user;
    return { sessionId: session.id, user: { id, email, displayName, instanceAdmin } };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource
      .getRepository(Session)
      .update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }
}
