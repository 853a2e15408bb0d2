import type { ApiTokenPage, PageQuery } from '@bearing/contracts';
import { type DeepPartial, type EntityManager, IsNull } from 'typeorm';
import { createdAtIdOrder, keysetItems } from '../common/pagination/keyset-page.js';
import { ApiToken } from './api-token.entity.js';
import { toApiTokenResponse } from './api-token.mapper.js';

/** Whose tokens a lookup is limited to: one owner's, or one workspace's. */
export type TokenScope = { userId: string } | { workspaceId: string };

export function insertApiToken(
  manager: EntityManager,
  values: DeepPartial<ApiToken>,
): Promise<ApiToken> {
  return manager.getRepository(ApiToken).save(values);
}

/** The token `id` with its owner and workspace (for the response right after creating it). */
export function findLoadedApiToken(manager: EntityManager, id: string): Promise<ApiToken> {
  return manager
    .getRepository(ApiToken)
    .findOneOrFail({ where: { id }, relations: { user: true, workspace: true } });
}

/** Unrevoked tokens within `scope` (an owner or a workspace), newest first. */
export function unrevokedApiTokenPage(
  manager: EntityManager,
  scope: TokenScope,
  { limit, cursor }: PageQuery,
): Promise<ApiTokenPage> {
  const query = manager
    .getRepository(ApiToken)
    .createQueryBuilder('token')
    .innerJoinAndSelect('token.user', 'user')
    .innerJoinAndSelect('token.workspace', 'workspace')
    .where('token.revokedAt IS NULL');
  if ('userId' in scope) query.andWhere('token.userId = :userId', scope);
  else query.andWhere('token.workspaceId = :workspaceId', scope);
  return keysetItems(
    query,
    { cursor, limit },
    createdAtIdOrder('token', 'DESC'),
    toApiTokenResponse,
  );
}

/** The unrevoked token `id` within `scope`, with its owner; null when there is none. */
export function findUnrevokedApiToken(
  manager: EntityManager,
  id: string,
  scope: TokenScope,
): Promise<ApiToken | null> {
  return manager.getRepository(ApiToken).findOne({
    where: { ...scope, id, revokedAt: IsNull() },
    relations: { user: true },
  });
}

/** Marks the token `id` of the workspace revoked, now. */
export async function markApiTokenRevoked(
  manager: EntityManager,
  workspaceId: string,
  id: string,
): Promise<void> {
  await manager.getRepository(ApiToken).update({ id, workspaceId }, { revokedAt: () => 'now()' });
}
