import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CallerUser } from '../access/caller.js';
import { resolveSession } from '../access/caller-resolver.js';
import { SESSION_IDLE_TIMEOUT_MS } from '../access/credentials.js';
import { hashSecret, newSecret } from '../common/secrets/secret-token.js';
import { confirmPendingSsoLink } from './oidc/oidc-links.js';
import {
  insertSession,
  revokeSessionById,
  revokeSessionByTokenHash,
} from './sessions.repository.js';

/** Signed out this long after signing in, however active. */
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

export type IssuedSession = { token: string; expiresAt: Date };
export type AuthenticatedSession = { sessionId: string; user: CallerUser };
/** The browser a session is started from, shown in the user's list of sessions. */
export type SessionOrigin = { ip: string | null; userAgent: string | null };
/**
 * How the person starting a session proved the account is theirs. Only `password` (after the
 * second factor, when the account has one) is the owner's own proof: it alone confirms a pending
 * single sign-on link.
 */
export type SessionProof = 'password' | 'single-sign-on' | 'invitation';

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
    origin: SessionOrigin,
    provenBy: SessionProof,
  ): Promise<IssuedSession> {
    if (previousToken !== undefined) {
      await revokeSessionByTokenHash(manager, hashSecret(previousToken));
    }
    const token = newSecret();
    const now = Date.now();
    const expiresAt = new Date(now + SESSION_LIFETIME_MS);
    await insertSession(manager, {
      userId,
      tokenHash: hashSecret(token),
      idleExpiresAt: new Date(now + SESSION_IDLE_TIMEOUT_MS),
      expiresAt,
      ip: origin.ip?.slice(0, 64) ?? null,
      userAgent: origin.userAgent?.slice(0, USER_AGENT_MAX_LENGTH) ?? null,
    });
    // The account's password proved it is its owner's: a single sign-on link waiting for exactly
    // that proof becomes a link. Any other way in must not confirm it — an identity already
    // linked to this account (or an invitation) says nothing about whether the other identity
    // that claimed this email is the same person.
    if (provenBy === 'password') {
      await confirmPendingSsoLink(manager, userId, {
        by: 'password-sign-in',
        actorUserId: userId,
        requestId: null,
      });
    }
    return { token, expiresAt };
  }

  /**
   * The live session for a cookie value, moving its idle expiry forward; else `undefined`. Read
   * by access, as the guard reads every request's caller.
   */
  async authenticate(token: string): Promise<AuthenticatedSession | undefined> {
    const resolved = await resolveSession(this.dataSource.manager, token);
    if (resolved?.caller.kind !== 'session') return undefined;
    return { sessionId: resolved.caller.sessionId, user: resolved.caller.user };
  }

  async revoke(sessionId: string): Promise<void> {
    await revokeSessionById(this.dataSource.manager, sessionId);
  }
}
