import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CompleteMfaSignInRequest, MfaChallenge } from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AccountsService } from '../../accounts/accounts.service.js';
import { findUserById } from '../../accounts/user.repository.js';
import { ClockService } from '../../common/clock/clock.service.js';
import { ProblemException } from '../../common/problem/problem.js';
import { verifyPassword } from '../../common/secrets/password.js';
import { SecretBox } from '../../common/secrets/secret-box.js';
import { hashSecret, newSecret } from '../../common/secrets/secret-token.js';
import { type RateLimit, RateLimitService } from '../../rate-limit/rate-limit.service.js';
import { recordAccountEvent } from '../account-audit.js';
import type { Client, SignedIn } from '../auth.service.js';
import { SessionsService } from '../sessions.service.js';
import {
  countMfaTicketFailure,
  insertMfaTicket,
  liveMfaTicketUserId,
  lockLiveMfaTicket,
  lockTotpCredential,
  setTotpLastUsedStep,
  unusedRecoveryCodes,
  useMfaTicket,
  useRecoveryCode,
} from './mfa.repository.js';
import { wrongCode } from './mfa-enrolment.service.js';
import { normalisedRecoveryCode } from './recovery-codes.js';
import { acceptedTotpStep } from './totp.js';

/**
 * Wrong second factors allowed per account, across tickets, before its code step is refused
 * (429) until the window ends. Only someone who knows the password gets this far, and ten
 * guesses in fifteen minutes make a six-digit code practically unguessable.
 */
export const MFA_FAILURES_PER_USER: RateLimit = { limit: 10, windowSeconds: 15 * 60 };
/** Code attempts from one address, whatever the account. */
export const MFA_ATTEMPTS_PER_IP: RateLimit = { limit: 50, windowSeconds: 15 * 60 };

const DEAD_TICKET =
  'This sign-in has expired or was already completed: sign in with your password again.';
const TOO_MANY = 'Too many wrong codes for this account; try again later.';

/**
 * The second step of signing in with MFA: the password step hands out a ticket (its secret to
 * the browser, only the hash stored), and a code from the app or an unused recovery code
 * exchanges it for a session. "Remember this browser" does not exist: every sign-in asks.
 */
@Injectable()
export class MfaSignInService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly accounts: AccountsService,
    private readonly secrets: SecretBox,
    private readonly clock: ClockService,
    private readonly rateLimits: RateLimitService,
  ) {}

  /** After a correct password of a user with MFA: the ticket for the code step. */
  async challenge(manager: EntityManager, userId: string): Promise<MfaChallenge> {
    const ticket = newSecret();
    await insertMfaTicket(manager, userId, hashSecret(ticket));
    return { mfaRequired: true, ticket };
  }

  async complete(request: CompleteMfaSignInRequest, client: Client): Promise<SignedIn> {
    const ipKey = `mfa:ip:${client.ip}`;
    await this.rateLimits.hit(ipKey, MFA_ATTEMPTS_PER_IP, TOO_MANY);
    const tokenHash = hashSecret(request.ticket);
    const ticketUserId = await liveMfaTicketUserId(this.dataSource.manager, tokenHash);
    if (ticketUserId === null) throw ProblemException.unauthorized(DEAD_TICKET);
    // Counted as a failure before the code is checked, in one atomic upsert (outside the
    // transaction, which holds a connection of its own), and handed back unless a wrong code
    // was checked: guesses sent at once on several tickets cannot all slip past a check made
    // before any of them was counted.
    const userKey = `mfa:user:${ticketUserId}`;
    await this.rateLimits.hit(userKey, MFA_FAILURES_PER_USER, TOO_MANY);
    let wrongCodeChecked = false;
    try {
      const signedIn = await this.dataSource.transaction(async (manager) => {
        const ticket = await lockLiveMfaTicket(manager, tokenHash);
        if (!ticket) throw ProblemException.unauthorized(DEAD_TICKET);
        const user = await findUserById(manager, ticket.userId);
        if (!user || user.disabledAt !== null || !user.mfaEnabled) {
          throw ProblemException.unauthorized(DEAD_TICKET);
        }
        const method =
          request.code !== undefined
            ? await this.checkTotp(manager, user.id, request.code)
            : await this.checkRecoveryCode(manager, user.id, request.recoveryCode ?? '');
        if (method === null) {
          await countMfaTicketFailure(manager, ticket.id);
          await recordAccountEvent(manager, {
            userId: user.id,
            email: user.email,
            action: 'session.mfa-failed',
            requestId: client.requestId,
            details: {
              ip: client.ip,
              with: request.code !== undefined ? 'code' : 'recovery-code',
            },
          });
          return null;
        }
        await useMfaTicket(manager, ticket.id);
        // A ticket is only handed out after this account's password (`AuthService.signIn`).
        const session = await this.sessions.start(
          manager,
          user.id,
          client.sessionToken,
          client,
          'password',
        );
        await recordAccountEvent(manager, {
          userId: user.id,
          email: user.email,
          action: 'session.signed-in',
          requestId: client.requestId,
          details: { secondFactor: method.kind, ...method.details },
        });
        return { session, me: await this.accounts.me(user.id, manager) };
      });
      if (signedIn === null) {
        wrongCodeChecked = true;
        throw wrongCode(request.code !== undefined ? 'code' : 'recoveryCode');
      }
      await this.rateLimits.refund(ipKey);
      return signedIn;
    } finally {
      if (!wrongCodeChecked) await this.rateLimits.refund(userKey);
    }
  }

  /** A code of a step after the last one used (a code works once), else null. */
  private async checkTotp(
    manager: EntityManager,
    userId: string,
    code: string,
  ): Promise<{ kind: 'totp'; details: Record<string, never> } | null> {
    const credential = await lockTotpCredential(manager, userId);
    if (!credential || credential.confirmedAt === null) return null;
    const step = acceptedTotpStep(
      this.secrets.open(credential.sealedSecret),
      code,
      this.clock.now(),
      credential.lastUsedStep === null ? null : Number(credential.lastUsedStep),
    );
    if (step === null) return null;
    await setTotpLastUsedStep(manager, userId, step);
    return { kind: 'totp', details: {} };
  }

  /** An unused recovery code, now used up; the audit event says how many are left. */
  private async checkRecoveryCode(
    manager: EntityManager,
    userId: string,
    recoveryCode: string,
  ): Promise<{ kind: 'recovery-code'; details: { recoveryCodesLeft: number } } | null> {
    const candidate = normalisedRecoveryCode(recoveryCode);
    const unused = await unusedRecoveryCodes(manager, userId);
    for (const code of unused) {
      if (
        (await verifyPassword(code.codeHash, candidate)) &&
        (await useRecoveryCode(manager, code.id))
      ) {
        return { kind: 'recovery-code', details: { recoveryCodesLeft: unused.length - 1 } };
      }
    }
    return null;
  }
}
