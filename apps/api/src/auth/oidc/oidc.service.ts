import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SsoFailureReason, WorkspaceRole } from '@bearing/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { User } from '../../accounts/user.entity.js';
import { makeInstanceAdmin } from '../../accounts/user-admin.repository.js';
import {
  displayNameFromEmail,
  findUserByEmail,
  findUserById,
  insertUser,
} from '../../accounts/user.repository.js';
import { recordAuditEvent } from '../../audit/audit.repository.js';
import { hashSecret, newSecret } from '../../common/secrets/secret-token.js';
import {
  anotherActiveAdminRemains,
  bySlug,
  insertMembership,
  lockWorkspaceMemberships,
  membershipOfUser,
  saveMembership,
} from '../../members/membership.repository.js';
import { revokeInvitationsOfFormerAdmin } from '../../members/invitations.service.js';
import { type RateLimit, RateLimitService } from '../../rate-limit/rate-limit.service.js';
import { workspaceBySlug } from '../../workspaces/workspace.repository.js';
import { recordAccountEvent } from '../account-audit.js';
import type { Client } from '../auth.service.js';
import { type IssuedSession, SessionsService } from '../sessions.service.js';
import { type IdTokenClaims, OidcClient, refusalReasonOf } from './oidc-client.js';
import {
  insertIdentity,
  insertSignInAttempt,
  linkedUserId,
  takeSignInAttempt,
  upsertPendingLink,
} from './oidc.repository.js';
import { OIDC_SETTINGS, type OidcSettings } from './oidc-settings.js';
import { groupsOf, workspaceRolesOf } from './role-map.js';

/** An attempt has this long between leaving for the provider and coming back. */
export const SIGN_IN_ATTEMPT_TTL_MS = 10 * 60 * 1000;

/**
 * Starts and callbacks per address: each writes a row (an attempt, or a refusal in the audit
 * log) without any credential, so they are bounded — generously, since a whole office may share
 * one address at nine in the morning.
 */
export const SSO_PER_IP: RateLimit = { limit: 300, windowSeconds: 10 * 60 };

/**
 * Stored as the password hash of accounts made by single sign-on: not an argon2 string, so no
 * password ever matches it (verification of a malformed hash answers false).
 */
const NO_PASSWORD = 'sso-only:no-password';

export type SsoOutcome =
  | { signedIn: true; session: IssuedSession; nextPath: string }
  | { signedIn: false; reason: SsoFailureReason };

type Refusal = { signedIn: false; reason: SsoFailureReason };

/**
 * OpenID Connect single sign-on: starts an attempt (state, nonce, PKCE kept server-side, bound to
 * the browser), and at the callback lets the library validate everything it can, then finds or
 * makes the account, applies the role map and signs in — or refuses with a reason, each refusal
 * recorded in the instance audit log.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly rateLimits: RateLimitService,
    @Inject(OIDC_SETTINGS) private readonly settings: OidcSettings,
  ) {}

  get enabled(): boolean {
    return this.settings.sso !== undefined;
  }

  /** The URL the provider called back, on the configured redirect URI (public address). */
  callbackUrl(originalUrl: string): URL {
    const url = new URL(this.requireSso().client.redirectUri);
    url.search = new URL(originalUrl, 'http://bearing.invalid').search;
    return url;
  }

  get passwordSignIn(): boolean {
    return this.settings.passwordSignIn;
  }

  /**
   * A new attempt: its record, the random browser key whose hash finds it (the caller sets it as
   * an httpOnly cookie), and the provider's authorization URL to send the browser to.
   */
  async start(
    nextPath: string,
    client: Pick<Client, 'ip' | 'requestId'>,
  ): Promise<{ browserKey: string; redirectTo: URL } | Refusal> {
    const sso = this.requireSso();
    const requestId = client.requestId;
    await this.admit(client.ip);
    const checks = OidcClient.newChecks();
    let redirectTo: URL;
    try {
      redirectTo = await sso.client.authorizationUrl(checks);
    } catch (error) {
      this.logger.warn(`single sign-on: the identity provider is unavailable: ${String(error)}`);
      return this.refuse(this.dataSource.manager, 'provider-unavailable', requestId, {});
    }
    const browserKey = newSecret();
    await insertSignInAttempt(this.dataSource.manager, {
      browserKeyHash: hashSecret(browserKey),
      ...checks,
      nextPath,
      expiresAt: new Date(Date.now() + SIGN_IN_ATTEMPT_TTL_MS),
    });
    return { browserKey, redirectTo };
  }

  /** Completes the attempt of the browser holding `browserKey` with the provider's answer. */
  async callback(
    callbackUrl: URL,
    browserKey: string | undefined,
    client: Client,
  ): Promise<SsoOutcome> {
    const sso = this.requireSso();
    await this.admit(client.ip);
    const manager = this.dataSource.manager;
    const attempt =
      browserKey === undefined
        ? undefined
        : await takeSignInAttempt(manager, hashSecret(browserKey));
    if (!attempt || attempt.expiresAt.getTime() <= Date.now()) {
      return this.refuse(manager, 'attempt-expired', client.requestId, {});
    }
    let claims: IdTokenClaims;
    try {
      claims = await sso.client.exchange(callbackUrl, attempt);
    } catch (error) {
      const reason = refusalReasonOf(error);
      this.logger.warn(`single sign-on refused (${reason}): ${String(error)}`);
      return this.refuse(manager, reason, client.requestId, {});
    }
    return this.dataSource.transaction(async (transaction) => {
      const outcome = await this.signInWith(transaction, claims, client);
      if (!outcome.signedIn) return outcome;
      return { signedIn: true, session: outcome.session, nextPath: attempt.nextPath };
    });
  }

  private async signInWith(
    manager: EntityManager,
    claims: IdTokenClaims,
    client: Client,
  ): Promise<{ signedIn: true; session: IssuedSession } | Refusal> {
    const sso = this.requireSso();
    const issuer = claims.iss;
    const subject = claims.sub;
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : undefined;
    const seen = { issuer, subject, email: email ?? null };
    const verified = claims.email_verified === true || claims.email_verified === 'true';
    if (email === undefined || !verified) {
      return this.refuse(manager, 'email-unverified', client.requestId, seen);
    }
    const domain = email.slice(email.lastIndexOf('@') + 1);
    const allowed = sso.config.allowedDomains;
    if (allowed.length > 0 && !allowed.includes(domain)) {
      return this.refuse(manager, 'domain-not-allowed', client.requestId, seen);
    }

    let user: User | null;
    const linkedId = await linkedUserId(manager, issuer, subject);
    if (linkedId !== undefined) {
      user = await findUserById(manager, linkedId);
    } else {
      const existing = await findUserByEmail(manager, email);
      if (existing) {
        // Same email is not proof of the same person: the owner confirms by signing in with
        // the password, or an instance admin does.
        await upsertPendingLink(manager, { userId: existing.id, issuer, subject });
        await recordAuditEvent(manager, {
          workspaceId: null,
          actor: { userId: null, tokenId: null, requestId: client.requestId },
          action: 'account.sso-link-requested',
          target: { type: 'account', id: existing.id },
          details: { email, issuer },
        });
        return { signedIn: false, reason: 'link-pending' };
      }
      user = await this.createAccount(manager, claims, email, client.requestId);
    }
    if (!user || user.disabledAt !== null) {
      return this.refuse(manager, 'account-disabled', client.requestId, seen, user?.id);
    }

    const groups = groupsOf(claims, sso.config.roleClaim);
    await this.applyRoleMap(manager, user, groups, client.requestId);
    const adminGroup = sso.config.adminGroup;
    if (adminGroup !== undefined && groups.includes(adminGroup) && !user.instanceAdmin) {
      await makeInstanceAdmin(manager, user.id);
      await recordAccountEvent(manager, {
        userId: user.id,
        email: user.email,
        action: 'account.instance-admin-granted',
        requestId: client.requestId,
        details: { group: adminGroup },
      });
    }
    const session = await this.sessions.start(
      manager,
      user.id,
      client.sessionToken,
      client,
      'single-sign-on',
    );
    await recordAccountEvent(manager, {
      userId: user.id,
      email: user.email,
      action: 'session.signed-in',
      requestId: client.requestId,
      details: { method: 'sso', issuer },
    });
    return { signedIn: true, session };
  }

  /** A just-in-time account for a verified email of an allowed domain, linked to the identity. */
  private async createAccount(
    manager: EntityManager,
    claims: IdTokenClaims,
    email: string,
    requestId: string | null,
  ): Promise<User> {
    const name = typeof claims.name === 'string' ? claims.name.trim().slice(0, 100) : '';
    const user = await insertUser(manager, {
      email,
      displayName: name || displayNameFromEmail(email),
      passwordHash: NO_PASSWORD,
    });
    await insertIdentity(manager, { userId: user.id, issuer: claims.iss, subject: claims.sub });
    await recordAccountEvent(manager, {
      userId: user.id,
      email,
      action: 'account.created',
      requestId,
      details: { via: 'sso', issuer: claims.iss },
    });
    return user;
  }

  /**
   * Gives the person the role their groups map to in each named workspace that exists: a new
   * membership, or the role changed to the mapped one. Memberships are never removed here, and
   * the workspace's last admin is never demoted (an admin changes that in Members); an admin
   * demoted here loses their pending invitations, as in Members.
   */
  private async applyRoleMap(
    manager: EntityManager,
    user: User,
    groups: readonly string[],
    requestId: string | null,
  ): Promise<void> {
    const roles = workspaceRolesOf(groups, this.requireSso().config.roleMap);
    const actor = { userId: user.id, tokenId: null, requestId };
    for (const [slug, role] of [...roles].sort(([a], [b]) => bySlug(a, b))) {
      const workspace = await workspaceBySlug(manager, slug);
      if (!workspace) continue;
      // The lock Members takes for role changes: an admin demoted there at this moment, or
      // another admin's sign-in demoting them, waits for this change and sees it (and the
      // reverse), so two demotions at once cannot both find "another admin" and leave none.
      // Workspaces are taken in slug order, the same for every sign-in.
      await lockWorkspaceMemberships(manager, workspace.id);
      const membership = await membershipOfUser(manager, workspace.id, user.id);
      if (!membership) {
        await insertMembership(manager, { workspaceId: workspace.id, userId: user.id, role });
        await recordAuditEvent(manager, {
          workspaceId: workspace.id,
          actor,
          action: 'member.added',
          target: { type: 'user', id: user.id },
          details: { email: user.email, role, via: 'sso' },
        });
        continue;
      }
      if (membership.role === role) continue;
      if (
        membership.role === 'admin' &&
        !(await anotherActiveAdminRemains(manager, workspace.id, user.id))
      ) {
        continue;
      }
      const from: WorkspaceRole = membership.role;
      membership.role = role;
      await saveMembership(manager, membership);
      if (from === 'admin') {
        await revokeInvitationsOfFormerAdmin(manager, {
          inviter: user,
          workspaceId: workspace.id,
          actor,
          reason: 'demoted',
          via: 'sso',
        });
      }
      await recordAuditEvent(manager, {
        workspaceId: workspace.id,
        actor,
        action: 'member.role-changed',
        target: { type: 'user', id: user.id },
        details: { email: user.email, from, to: role, via: 'sso' },
      });
    }
  }

  /** Records the refusal in the instance audit log (naming the account when one is known). */
  private async refuse(
    manager: EntityManager,
    reason: SsoFailureReason,
    requestId: string | null,
    seen: { issuer?: string; subject?: string; email?: string | null },
    userId?: string,
  ): Promise<Refusal> {
    await recordAuditEvent(manager, {
      workspaceId: null,
      actor:
        userId === undefined
          ? { userId: null, tokenId: null, requestId }
          : { userId, tokenId: null, requestId },
      action: 'session.sso-refused',
      target: { type: 'account', id: userId ?? null },
      details: { reason, ...seen },
    });
    return { signedIn: false, reason };
  }

  private admit(ip: string): Promise<void> {
    return this.rateLimits.hit(
      `sso:ip:${ip}`,
      SSO_PER_IP,
      'Too many single sign-on attempts from this address. Wait a few minutes, then try again.',
    );
  }

  private requireSso(): NonNullable<OidcSettings['sso']> {
    const sso = this.settings.sso;
    if (!sso) throw new Error('single sign-on is not configured');
    return sso;
  }
}
