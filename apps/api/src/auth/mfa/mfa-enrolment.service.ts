import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RecoveryCodes, TotpEnrolment } from '@bearing/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../../access/caller.js';
import { lockUserForMfaChange, setUserMfaEnabled } from '../../accounts/mfa-flag.repository.js';
import { findUserById } from '../../accounts/user.repository.js';
import { recordAuditEvent } from '../../audit/audit.repository.js';
import { ClockService } from '../../common/clock/clock.service.js';
import { ProblemException } from '../../common/problem/problem.js';
import { hashPassword, verifyPassword } from '../../common/secrets/password.js';
import { SecretBox } from '../../common/secrets/secret-box.js';
import { type RateLimit, RateLimitService } from '../../rate-limit/rate-limit.service.js';
import { recordAccountEvent } from '../account-audit.js';
import { revokeSessionsOfUserExcept } from '../sessions/account-sessions.repository.js';
import {
  confirmTotpCredential,
  deleteMfaOfUser,
  findTotpCredential,
  replacePendingTotpCredential,
  replaceRecoveryCodes,
} from './mfa.repository.js';
import { newRecoveryCodes, normalisedRecoveryCode } from './recovery-codes.js';
import { acceptedTotpStep, newTotpSecret, otpauthUrlOf } from './totp.js';

/**
 * Wrong codes (while enrolling) or wrong passwords (to turn MFA off) allowed per user: a stolen
 * session cannot guess at leisure.
 */
export const MFA_SETTINGS_LIMIT: RateLimit = { limit: 10, windowSeconds: 15 * 60 };

export type SessionCaller = { userId: string; sessionId: string; requestId: string | null };

/** A user turns their second factor on and off; an instance admin can reset it. */
@Injectable()
export class MfaEnrolmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrets: SecretBox,
    private readonly clock: ClockService,
    private readonly rateLimits: RateLimitService,
  ) {}

  /**
   * A fresh secret for the authenticator app (replacing an unconfirmed one). It is sealed at
   * rest and shown only now; nothing changes for sign-in until a code confirms it.
   */
  async startTotp(userId: string): Promise<TotpEnrolment> {
    return this.dataSource.transaction(async (manager) => {
      const user = await lockUserForMfaChange(manager, userId);
      if (!user) throw ProblemException.notFound('This account no longer exists.');
      if (user.mfaEnabled) throw alreadyEnabled();
      const secret = newTotpSecret();
      await replacePendingTotpCredential(manager, userId, this.secrets.seal(secret));
      return { secret, otpauthUrl: otpauthUrlOf(secret, user.email) };
    });
  }

  /**
   * The first code from the app turns MFA on: ten recovery codes are made (shown once, stored
   * hashed) and every other session of the user ends — they were signed in with one factor.
   */
  async confirmTotp(caller: SessionCaller, code: string): Promise<RecoveryCodes> {
    const limitKey = `mfa-settings:user:${caller.userId}`;
    await this.rateLimits.hit(
      limitKey,
      MFA_SETTINGS_LIMIT,
      'Too many wrong codes; try again later.',
    );
    const recoveryCodes = newRecoveryCodes();
    const hashes = await Promise.all(
      recoveryCodes.map((recoveryCode) => hashPassword(normalisedRecoveryCode(recoveryCode))),
    );
    const confirmed = await this.dataSource.transaction(async (manager) => {
      const user = await lockUserForMfaChange(manager, caller.userId);
      if (!user) throw ProblemException.notFound('This account no longer exists.');
      if (user.mfaEnabled) throw alreadyEnabled();
      const credential = await findTotpCredential(manager, user.id);
      if (!credential) {
        throw ProblemException.conflict(
          'mfa-enrolment-not-started',
          'Start setting up the authenticator app first (POST /api/me/mfa/totp).',
        );
      }
      const step = acceptedTotpStep(
        this.secrets.open(credential.sealedSecret),
        code,
        this.clock.now(),
        null,
      );
      if (step === null) return false;
      await confirmTotpCredential(manager, user.id, step);
      await setUserMfaEnabled(manager, user.id, true);
      await replaceRecoveryCodes(manager, user.id, hashes);
      const revoked = await revokeSessionsOfUserExcept(manager, user.id, caller.sessionId);
      await recordAccountEvent(manager, {
        userId: user.id,
        email: user.email,
        action: 'account.mfa-enabled',
        requestId: caller.requestId,
        details: { method: 'totp', sessionsRevoked: revoked },
      });
      return true;
    });
    if (!confirmed) throw wrongCode('code');
    await this.rateLimits.refund(limitKey);
    return { recoveryCodes };
  }

  /** Turns MFA off: the password proves it is the owner at the keyboard (ASVS 5.0 V7.5.1). */
  async disable(caller: SessionCaller, password: string): Promise<void> {
    const limitKey = `mfa-settings:user:${caller.userId}`;
    await this.rateLimits.hit(
      limitKey,
      MFA_SETTINGS_LIMIT,
      'Too many wrong passwords; try again later.',
    );
    const user = await findUserById(this.dataSource.manager, caller.userId);
    if (!user) throw ProblemException.notFound('This account no longer exists.');
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw ProblemException.validation(
        [{ path: 'password', message: 'is not your current password' }],
        'The password is not correct.',
      );
    }
    await this.rateLimits.refund(limitKey);
    await this.dataSource.transaction(async (manager) => {
      await lockUserForMfaChange(manager, user.id);
      const wasEnabled = await deleteMfaOfUser(manager, user.id);
      await setUserMfaEnabled(manager, user.id, false);
      if (wasEnabled) {
        await recordAccountEvent(manager, {
          userId: user.id,
          email: user.email,
          action: 'account.mfa-disabled',
          requestId: caller.requestId,
        });
      }
    });
  }

  /**
   * An instance admin removes someone's second factor (a lost phone and lost codes); they sign
   * in with the password alone until they enrol again. Recorded in the instance audit log.
   */
  async resetByAdmin(actor: Actor, userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await lockUserForMfaChange(manager, userId);
      if (!user) throw ProblemException.notFound('There is no such account.');
      const wasEnabled = await deleteMfaOfUser(manager, user.id);
      await setUserMfaEnabled(manager, user.id, false);
      await recordAuditEvent(manager, {
        workspaceId: null,
        actor,
        action: 'account.mfa-reset',
        target: { type: 'account', id: user.id },
        details: { email: user.email, wasEnabled },
      });
    });
  }
}

function alreadyEnabled(): ProblemException {
  return ProblemException.conflict(
    'mfa-already-enabled',
    'Two-factor authentication is already on: turn it off first to set up another app.',
  );
}

/** A wrong code is a 400 naming the field, so the form can say so next to it. */
export function wrongCode(field: 'code' | 'recoveryCode'): ProblemException {
  return ProblemException.validation(
    [
      {
        path: field,
        message:
          field === 'code'
            ? 'is not the code your authenticator app shows now'
            : 'is not one of your unused recovery codes',
      },
    ],
    field === 'code' ? 'The code is not correct.' : 'The recovery code is not correct.',
  );
}
