import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChangePasswordRequest } from '@bearing/contracts';
import { DataSource } from 'typeorm';
import { hashPassword, verifyPassword } from '../../common/secrets/password.js';
import {
  findUserById,
  lockUserForPasswordChange,
  setOwnPassword,
} from '../../accounts/passwords/password-credentials.repository.js';
import { PasswordPolicyService } from '../../accounts/passwords/password-policy.service.js';
import { ProblemException } from '../../common/problem/problem.js';
import { type RateLimit, RateLimitService } from '../../rate-limit/rate-limit.service.js';
import { recordAccountEvent } from '../account-audit.js';
import { endOpenPasswordResets } from '../password-reset/password-reset.repository.js';
import { revokeSessionsOfUserExcept } from '../sessions/account-sessions.repository.js';

/**
 * Wrong current passwords allowed per user: a stolen session cannot be used to guess the
 * password at leisure (the sign-in limits do not see these attempts).
 */
export const PASSWORD_CHANGE_LIMIT: RateLimit = { limit: 10, windowSeconds: 15 * 60 };

/** The signed-in user changes their own password (ASVS 5.0 V6.2.2, V6.2.3, V7.4.3). */
@Injectable()
export class PasswordChangeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PasswordPolicyService,
    private readonly rateLimits: RateLimitService,
  ) {}

  /**
   * Checks the current password, applies the policy to the new one, stores it and ends every
   * other session of the user (this one stays signed in); a pending forced change is done.
   */
  async change(
    caller: { userId: string; sessionId: string; requestId: string | null },
    { currentPassword, newPassword }: ChangePasswordRequest,
  ): Promise<void> {
    const limitKey = `password-change:user:${caller.userId}`;
    await this.rateLimits.hit(
      limitKey,
      PASSWORD_CHANGE_LIMIT,
      'Too many wrong current passwords; try again later.',
    );
    const user = await findUserById(this.dataSource.manager, caller.userId);
    if (!user) throw ProblemException.notFound('This account no longer exists.');
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw ProblemException.validation(
        [{ path: 'currentPassword', message: 'is not your current password' }],
        'The current password is not correct.',
      );
    }
    await this.rateLimits.refund(limitKey);
    if (newPassword === currentPassword) {
      throw ProblemException.validation(
        [{ path: 'newPassword', message: 'must differ from the current password' }],
        'The new password must differ from the current password.',
      );
    }
    await this.policy.assertAcceptable('newPassword', newPassword, user);
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await lockUserForPasswordChange(manager, user.id);
      await setOwnPassword(manager, user.id, passwordHash);
      await endOpenPasswordResets(manager, user.id);
      const revoked = await revokeSessionsOfUserExcept(manager, user.id, caller.sessionId);
      await recordAccountEvent(manager, {
        userId: user.id,
        email: user.email,
        action: 'account.password-changed',
        requestId: caller.requestId,
        details: { sessionsRevoked: revoked, wasRequired: user.mustChangePassword },
      });
    });
  }
}
