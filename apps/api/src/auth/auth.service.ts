import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AcceptInviteRequest,
  MeResponse,
  MfaChallenge,
  SignInRequest,
} from '@bearing/contracts';
import { DataSource } from 'typeorm';
import type { Caller } from '../access/caller.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { spendPasswordCheckTime, verifyPassword } from '../common/secrets/password.js';
import { findUserByEmail } from '../accounts/user.repository.js';
import { ProblemException } from '../common/problem/problem.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import { InvitationsService, UNUSABLE_INVITE_LINK } from '../members/invitations.service.js';
import { MfaSignInService } from './mfa/mfa-sign-in.service.js';
import { recordAccountEvent } from './account-audit.js';
import type { User } from '../accounts/user.entity.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { SignInThrottle } from './sign-in-throttle.service.js';
import { type IssuedSession, SessionsService } from './sessions.service.js';

/** One message whether the email is unknown or the password wrong: no account enumeration. */
const WRONG_CREDENTIALS = 'The email or password is not correct.';

/**
 * Where a browser request comes from, the browser it says it is and the session cookie it
 * already carries, if any.
 */
export type Client = {
  ip: string;
  userAgent: string | null;
  sessionToken: string | undefined;
  requestId: string | null;
};

export type SignedIn = { session: IssuedSession; me: MeResponse };

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly accounts: AccountsService,
    private readonly invitations: InvitationsService,
    private readonly throttle: SignInThrottle,
    private readonly mfa: MfaSignInService,
  ) {}

  /**
   * Checks the password. A user with MFA gets no session yet but a ticket for the code step
   * (`MfaSignInService`); everyone else is signed in.
   */
  async signIn(
    { email, password }: SignInRequest,
    client: Client,
  ): Promise<SignedIn | MfaChallenge> {
    await this.throttle.admit(email, client.ip);
    const user = await findUserByEmail(this.dataSource.manager, email);
    let passwordMatches = false;
    if (user && user.disabledAt === null) {
      passwordMatches = await verifyPassword(user.passwordHash, password);
    } else {
      await spendPasswordCheckTime(password);
    }
    if (!user || !passwordMatches) {
      await this.throttle.failed(email);
      await this.recordFailure(email, user, client);
      throw ProblemException.unauthorized(WRONG_CREDENTIALS);
    }
    await this.throttle.succeeded(email, client.ip);
    if (user.mfaEnabled) return this.mfa.challenge(this.dataSource.manager, user.id);
    return this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.start(
        manager,
        user.id,
        client.sessionToken,
        client,
        'password',
      );
      // The instance audit log: who signed in, and when.
      await recordAccountEvent(manager, {
        userId: user.id,
        email: user.email,
        action: 'session.signed-in',
        requestId: client.requestId,
      });
      return { session, me: await this.accounts.me(user.id, manager) };
    });
  }

  /**
   * Every failed password sign-in goes to the instance audit log — an unknown email too, with
   * no actor — so an instance admin sees guessing and credential stuffing. The caller's answer
   * stays the same whatever the reason; only the log says it.
   */
  private async recordFailure(email: string, user: User | null, client: Client): Promise<void> {
    await recordAuditEvent(this.dataSource.manager, {
      workspaceId: null,
      actor: { userId: null, tokenId: null, requestId: client.requestId },
      action: 'session.sign-in-failed',
      target: { type: 'account', id: user?.id ?? null },
      details: {
        email,
        ip: client.ip,
        reason: !user
          ? 'unknown-email'
          : user.disabledAt !== null
            ? 'deactivated'
            : 'wrong-password',
      },
    });
  }

  /** The user and workspaces behind a session cookie, or `null` when it is missing or dead. */
  async currentSession(sessionToken: string | undefined): Promise<MeResponse | null> {
    if (sessionToken === undefined) return null;
    const session = await this.sessions.authenticate(sessionToken);
    return session ? this.accounts.me(session.user.id) : null;
  }

  async signOut(caller: Caller, requestId: string | null): Promise<void> {
    if (caller.kind !== 'session') return;
    await this.sessions.revoke(caller.sessionId);
    await recordAccountEvent(this.dataSource.manager, {
      userId: caller.user.id,
      email: caller.user.email,
      action: 'session.signed-out',
      requestId,
    });
  }

  /**
   * Creates the invited account, joins the workspace and signs in — all or nothing. An account
   * made for the email at that very moment another way (single sign-on, an instance admin)
   * gets the answer of a link whose email has an account: the invitation waits in it.
   */
  async acceptInvite(request: AcceptInviteRequest, client: Client): Promise<SignedIn> {
    try {
      return await this.createInvitedAccount(request, client);
    } catch (error) {
      if (isUniqueViolation(error)) throw ProblemException.notFound(UNUSABLE_INVITE_LINK);
      throw error;
    }
  }

  private createInvitedAccount(request: AcceptInviteRequest, client: Client): Promise<SignedIn> {
    return this.dataSource.transaction(async (manager) => {
      const userId = await this.invitations.accept(manager, request, client.requestId);
      return {
        session: await this.sessions.start(
          manager,
          userId,
          client.sessionToken,
          client,
          'invitation',
        ),
        me: await this.accounts.me(userId, manager),
      };
    });
  }
}
