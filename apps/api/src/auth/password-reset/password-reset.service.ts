import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PASSWORD_RESET_ACCEPTED,
  PASSWORD_RESET_LIFETIME_MINUTES,
  type PasswordResetAccepted,
  type PasswordResetConfirmRequest,
  type PendingPasswordResetList,
} from '@bearing/contracts';
import { DataSource } from 'typeorm';
import { hashPassword, spendPasswordCheckTime } from '../../common/secrets/password.js';
import {
  findUserById,
  lockUserForPasswordChange,
  setOwnPassword,
} from '../../accounts/passwords/password-credentials.repository.js';
import { PasswordPolicyService } from '../../accounts/passwords/password-policy.service.js';
import type { Actor } from '../../access/caller.js';
import { findUserByEmail } from '../../accounts/user.repository.js';
import { recordAuditEvent } from '../../audit/audit.repository.js';
import { ClockService } from '../../common/clock/clock.service.js';
import { ProblemException } from '../../common/problem/problem.js';
import { SecretBox, SecretUnavailableError } from '../../common/secrets/secret-box.js';
import { hashSecret, newSecret } from '../../common/secrets/secret-token.js';
import { type RateLimit, RateLimitService } from '../../rate-limit/rate-limit.service.js';
import { recordAccountEvent } from '../account-audit.js';
import { revokeSessionsOfUserExcept } from '../sessions/account-sessions.repository.js';
import { PasswordResetLinks } from './password-reset-links.service.js';
import {
  endOpenPasswordResets,
  heldPasswordResets,
  insertPasswordReset,
  lockUsablePasswordReset,
} from './password-reset.repository.js';

/** Reset requests allowed from one address: beyond it, 429 (the same for every email). */
export const PASSWORD_RESET_PER_IP: RateLimit = { limit: 10, windowSeconds: 15 * 60 };
/**
 * Links made per email: beyond it the request is still answered 202 but no new link is made,
 * so nobody can flood a person's inbox (or the audit log) with links.
 */
export const PASSWORD_RESET_PER_EMAIL: RateLimit = { limit: 3, windowSeconds: 15 * 60 };

/** `BEARING_PUBLIC_URL`: reset links are read away from any request, so they are absolute. */
export const PUBLIC_URL = Symbol('PUBLIC_URL');

const INVALID_LINK = 'is unknown, used already or expired: ask for a new link';

/**
 * Password reset by a one-time link (ASVS 5.0 V6.4.3): 256 random bits, stored as SHA-256,
 * valid 30 minutes, used once; using it sets a new password (the policy applies) and ends
 * every session of the account.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: PasswordPolicyService,
    private readonly rateLimits: RateLimitService,
    private readonly clock: ClockService,
    private readonly links: PasswordResetLinks,
    @Inject(PUBLIC_URL) private readonly publicUrl: string,
    private readonly secrets: SecretBox,
  ) {}

  /**
   * Makes and delivers a link when `email` belongs to an active account. The answer is the same
   * constant whatever happened, and both paths make a secret, hash it and do one argon2
   * verification, so neither the body nor the work done says whether the account exists.
   */
  async request(
    email: string,
    client: { ip: string; requestId: string | null },
  ): Promise<PasswordResetAccepted> {
    await this.rateLimits.hit(
      `password-reset:ip:${client.ip}`,
      PASSWORD_RESET_PER_IP,
      'Too many password reset requests from here; try again later.',
    );
    const token = newSecret();
    const tokenHash = hashSecret(token);
    const underEmailLimit = await this.underLimit(
      `password-reset:email:${hashSecret(email)}`,
      PASSWORD_RESET_PER_EMAIL,
    );
    const user = await findUserByEmail(this.dataSource.manager, email);
    // The costliest step, one argon2 verification against a hash nobody knows the password of,
    // is done on every path: a known email's reset takes about as long as an unknown one's
    // (the ratio is measured in bench/auth.bench.mjs, not asserted).
    await spendPasswordCheckTime(token);
    if (!user || user.disabledAt !== null || !underEmailLimit) return PASSWORD_RESET_ACCEPTED;

    const expiresAt = new Date(
      this.clock.now().getTime() + PASSWORD_RESET_LIFETIME_MINUTES * 60 * 1000,
    );
    await this.dataSource.transaction(async (manager) => {
      await insertPasswordReset(manager, {
        userId: user.id,
        tokenHash,
        sealedToken: this.links.holdsLinks ? this.secrets.seal(token) : null,
        expiresAt,
      });
      await recordAccountEvent(manager, {
        userId: user.id,
        email: user.email,
        action: 'account.password-reset-requested',
        requestId: client.requestId,
        details: { expiresAt: expiresAt.toISOString() },
      });
    });
    await this.links.deliver({
      userId: user.id,
      email: user.email,
      url: this.linkFor(token),
      expiresAt,
    });
    return PASSWORD_RESET_ACCEPTED;
  }

  /** Uses a link: sets the new password, ends the link (and any other) and every session. */
  async confirm(
    { token, password }: PasswordResetConfirmRequest,
    requestId: string | null,
  ): Promise<void> {
    const tokenHash = hashSecret(token);
    const now = this.clock.now();
    // Checked before hashing, so a forged link costs no argon2 work; checked again under lock.
    const reset = await this.dataSource.transaction((manager) =>
      lockUsablePasswordReset(manager, tokenHash, now),
    );
    const user = reset && (await findUserById(this.dataSource.manager, reset.userId));
    if (!reset || !user || user.disabledAt !== null) throw invalidLink();
    await this.policy.assertAcceptable('password', password, user);
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager) => {
      if (!(await lockUsablePasswordReset(manager, tokenHash, now))) throw invalidLink();
      await lockUserForPasswordChange(manager, user.id);
      await setOwnPassword(manager, user.id, passwordHash);
      await endOpenPasswordResets(manager, user.id);
      const revoked = await revokeSessionsOfUserExcept(manager, user.id, null);
      await recordAccountEvent(manager, {
        userId: user.id,
        email: user.email,
        action: 'account.password-reset',
        requestId,
        details: { sessionsRevoked: revoked },
      });
    });
  }

  /**
   * Instance admins: the links waiting to be passed on (while Bearing sends no email). A link
   * sealed with another key (restored elsewhere) shows without its `url`.
   */
  /** The usable held links; the look itself is recorded, naming whose links were shown. */
  async heldLinks(actor: Actor): Promise<PendingPasswordResetList> {
    return this.dataSource.transaction(async (manager) => {
      const resets = await heldPasswordResets(manager, this.clock.now());
      const items = resets.flatMap((reset) =>
        reset.user
          ? [
              {
                id: reset.id,
                user: {
                  id: reset.user.id,
                  email: reset.user.email,
                  displayName: reset.user.displayName,
                },
                url: this.openLink(reset.sealedToken),
                requestedAt: reset.createdAt.toISOString(),
                expiresAt: reset.expiresAt.toISOString(),
              },
            ]
          : [],
      );
      await recordAuditEvent(manager, {
        workspaceId: null,
        actor,
        action: 'password-resets.viewed',
        target: { type: 'instance', id: null },
        details: { shown: items.length, emails: items.map((item) => item.user.email) },
      });
      return { items };
    });
  }

  private linkFor(token: string): string {
    return `${this.publicUrl}/reset-password#token=${token}`;
  }

  private openLink(sealed: string | null): string | null {
    if (sealed === null) return null;
    try {
      return this.linkFor(this.secrets.open(sealed));
    } catch (error) {
      if (error instanceof SecretUnavailableError) return null;
      throw error;
    }
  }

  private async underLimit(key: string, { limit, windowSeconds }: RateLimit): Promise<boolean> {
    return (await this.rateLimits.count(key, windowSeconds)) <= limit;
  }
}

function invalidLink(): ProblemException {
  return ProblemException.validation(
    [{ path: 'token', message: INVALID_LINK }],
    `This reset link ${INVALID_LINK}.`,
  );
}
