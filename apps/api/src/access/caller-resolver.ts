import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource, type EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem/problem.js';
import { hashSecret } from '../common/secrets/secret-token.js';
import type { Caller, WorkspaceContext } from './caller.js';
import { type CallerCredential, type CallerRow, findCaller } from './caller.repository.js';
import {
  readSessionCookie,
  SESSION_IDLE_TIMEOUT_MS,
  TOKEN_PREFIX,
  TOUCH_INTERVAL_MS,
} from './credentials.js';

const BEARER = /^Bearer ([\w.~+/-]+=*)$/;

/**
 * The caller and, when asked for, their membership of one workspace (with the member's own role,
 * before a token's scope narrows it). `membership` is absent both for an unknown slug and for a
 * non-member: callers must not tell them apart.
 */
export type ResolvedCaller = { caller: Caller; membership: WorkspaceContext | undefined };

/**
 * Finds who is calling. An `Authorization` header wins over a cookie and must be valid — a
 * script with a revoked or expired token gets a clear 401 rather than acting anonymously.
 * A stale cookie simply counts as not signed in.
 */
@Injectable()
export class CallerResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The caller of `request`, with their membership of `workspaceSlug` when one is named. */
  async resolve(
    request: Request,
    workspaceSlug: string | null,
  ): Promise<ResolvedCaller | undefined> {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const secret = BEARER.exec(authorization)?.[1];
      const resolved =
        secret === undefined || !secret.startsWith(TOKEN_PREFIX)
          ? undefined
          : await resolveCaller(
              this.dataSource.manager,
              { kind: 'token', tokenHash: hashSecret(secret) },
              workspaceSlug,
            );
      if (!resolved) {
        throw ProblemException.unauthorized(
          'The API token is not valid, has expired or was revoked.',
        );
      }
      return resolved;
    }
    const sessionToken = readSessionCookie(request);
    if (sessionToken === undefined) return undefined;
    return resolveSession(this.dataSource.manager, sessionToken, workspaceSlug);
  }
}

/** The live session behind a cookie value (moving its idle expiry forward), else `undefined`. */
export function resolveSession(
  manager: EntityManager,
  sessionToken: string,
  workspaceSlug: string | null = null,
): Promise<ResolvedCaller | undefined> {
  return resolveCaller(
    manager,
    {
      kind: 'session',
      tokenHash: hashSecret(sessionToken),
      idleTimeoutSeconds: SESSION_IDLE_TIMEOUT_MS / 1000,
    },
    workspaceSlug,
  );
}

async function resolveCaller(
  manager: EntityManager,
  credential: CallerCredential,
  workspaceSlug: string | null,
): Promise<ResolvedCaller | undefined> {
  const row = await findCaller(manager, credential, workspaceSlug, TOUCH_INTERVAL_MS / 1000);
  return row && { caller: callerOfRow(credential.kind, row), membership: membershipOfRow(row) };
}

function callerOfRow(kind: CallerCredential['kind'], row: CallerRow): Caller {
  const user = {
    id: row.user_id,
    email: row.email,
    displayName: row.display_name,
    instanceAdmin: row.instance_admin,
  };
  if (kind === 'session') {
    return {
      kind: 'session',
      user,
      sessionId: row.credential_id,
      passwordChangeRequired: row.must_change_password,
      mfaEnabled: row.mfa_enabled,
    };
  }
  if (row.token_workspace_id === null || row.scope === null) {
    throw new Error('An API token was read without its workspace or scope.');
  }
  return {
    kind: 'token',
    user,
    tokenId: row.credential_id,
    workspaceId: row.token_workspace_id,
    scope: row.scope,
  };
}

function membershipOfRow(row: CallerRow): WorkspaceContext | undefined {
  if (row.workspace_id === null || row.role === null) return undefined;
  return {
    id: row.workspace_id,
    slug: row.workspace_slug ?? '',
    name: row.workspace_name ?? '',
    role: row.role,
  };
}
