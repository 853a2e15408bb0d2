import { type EntityManager, IsNull } from 'typeorm';
import { ApiToken } from './api-token.entity.js';

/** Revokes every API token of a user, in all workspaces (deactivation); answers how many. */
export async function revokeTokensOfUser(manager: EntityManager, userId: string): Promise<number> {
  const result = await manager
    .getRepository(ApiToken)
    .update({ userId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  return result.affected ?? 0;
}

/** Revokes a user's API tokens for one workspace (they left it); answers how many. */
export async function revokeTokensOfUserIn(
  manager: EntityManager,
  workspaceId: string,
  userId: string,
): Promise<number> {
  const result = await manager
    .getRepository(ApiToken)
    .update({ workspaceId, userId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  return result.affected ?? 0;
}
