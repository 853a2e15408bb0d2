import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ApiTokenPage,
  CreatedTokenResponse,
  CreateTokenRequest,
  PageQuery,
} from '@bearing/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/caller.js';
import { TOKEN_PREFIX } from '../access/credentials.js';
import { hasAtLeast } from '../access/roles.js';
import { recordAuditEvent } from '../audit/audit.repository.js';
import { ProblemException } from '../common/problem/problem.js';
import { hashSecret, newSecret } from '../common/secrets/secret-token.js';
import { type RateLimit, RateLimitService } from '../rate-limit/rate-limit.service.js';
import { WorkspaceAccessService } from '../workspaces/workspace-access.service.js';
import { toApiTokenResponse } from './api-token.mapper.js';
import {
  findLoadedApiToken,
  findUnrevokedApiToken,
  insertApiToken,
  markApiTokenRevoked,
  type TokenScope,
  unrevokedApiTokenPage,
} from './api-token.repository.js';

/** Tokens a user may create per hour: plenty for people, a brake on a runaway script. */
export const TOKEN_CREATION_LIMIT: RateLimit = { limit: 20, windowSeconds: 60 * 60 };
const DAY_MS = 24 * 60 * 60 * 1000;
/** `brg_` and six characters of the secret: enough to tell tokens apart, useless to guess. */
const DISPLAYED_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;

@Injectable()
export class TokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workspaceAccess: WorkspaceAccessService,
    private readonly rateLimits: RateLimitService,
  ) {}

  /** A new token for the caller in one of their workspaces; the secret is returned only here. */
  async create(actor: Actor, request: CreateTokenRequest): Promise<CreatedTokenResponse> {
    await this.rateLimits.hit(
      `token-create:user:${actor.userId}`,
      TOKEN_CREATION_LIMIT,
      'Too many API tokens created in the last hour; try again later.',
    );
    const membership = await this.workspaceAccess.membershipOf(request.workspace, actor.userId);
    if (!membership) {
      throw ProblemException.notFound(
        `There is no workspace "${request.workspace}" you are a member of.`,
      );
    }
    if (request.scope === 'write' && !hasAtLeast(membership.role, 'editor')) {
      throw ProblemException.forbidden(
        `As a ${membership.role} in "${request.workspace}" you can create read tokens only.`,
      );
    }
    const secret = newSecret(TOKEN_PREFIX);
    const id = await this.dataSource.transaction(async (manager) => {
      const token = await insertApiToken(manager, {
        userId: actor.userId,
        workspaceId: membership.id,
        name: request.name,
        scope: request.scope,
        tokenHash: hashSecret(secret),
        tokenPrefix: secret.slice(0, DISPLAYED_PREFIX_LENGTH),
        expiresAt: new Date(Date.now() + request.expiresInDays * DAY_MS),
        lastUsedAt: null,
        revokedAt: null,
      });
      await recordAuditEvent(manager, {
        workspaceId: membership.id,
        actor,
        action: 'token.created',
        target: { type: 'api_token', id: token.id },
        details: { name: request.name, scope: request.scope, expiresInDays: request.expiresInDays },
      });
      return token.id;
    });
    return {
      ...toApiTokenResponse(await findLoadedApiToken(this.dataSource.manager, id)),
      token: secret,
    };
  }

  listMine(userId: string, page: PageQuery): Promise<ApiTokenPage> {
    return this.list({ userId }, page);
  }

  listForWorkspace(workspaceId: string, page: PageQuery): Promise<ApiTokenPage> {
    return this.list({ workspaceId }, page);
  }

  revokeMine(actor: Actor, tokenId: string): Promise<void> {
    return this.revoke(tokenId, { userId: actor.userId }, actor);
  }

  /** An admin revoking any member's token — but only among this workspace's tokens. */
  revokeInWorkspace(workspaceId: string, actor: Actor, tokenId: string): Promise<void> {
    return this.revoke(tokenId, { workspaceId }, actor);
  }

  /** Unrevoked tokens matching `scope` (an owner or a workspace), newest first. */
  private list(scope: TokenScope, page: PageQuery): Promise<ApiTokenPage> {
    return unrevokedApiTokenPage(this.dataSource.manager, scope, page);
  }

  /** Revokes the one unrevoked token `tokenId` within `scope`, or answers 404. */
  private async revoke(tokenId: string, scope: TokenScope, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const token = await findUnrevokedApiToken(manager, tokenId, scope);
      if (!token?.user) throw ProblemException.notFound('There is no such API token.');
      await markApiTokenRevoked(manager, token.workspaceId, token.id);
      await recordAuditEvent(manager, {
        workspaceId: token.workspaceId,
        actor,
        action: 'token.revoked',
        target: { type: 'api_token', id: token.id },
        details: { name: token.name, owner: token.user.email },
      });
    });
  }
}
