import type { ApiToken as ApiTokenResponse } from '@bearing/contracts';
import { toUserResponse } from '../accounts/accounts.service.js';
import type { ApiToken } from './api-token.entity.js';

/** Expects the token loaded with its `user` and `workspace`. Never includes the secret. */
export function toApiTokenResponse(token: ApiToken): ApiTokenResponse {
  if (!token.user || !token.workspace) throw new Error('token loaded without user or workspace');
  const { id, slug, name } = token.workspace;
  return {
    id: token.id,
    name: token.name,
    prefix: token.tokenPrefix,
    scope: token.scope,
    workspace: { id, slug, name },
    owner: toUserResponse(token.user),
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}
