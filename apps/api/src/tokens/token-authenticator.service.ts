import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TokenScope } from '@bearing/contracts';
import { DataSource } from 'typeorm';
import type { CallerUser } from '../access/caller.js';
import { hashSecret } from '../common/secrets/secret-token.js';
import { ApiToken } from './api-token.entity.js';

/** Every API token starts with this, so secret scanners and people can recognise one. */
export const TOKEN_PREFIX = 'brg_';
/** `last_used_at` is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export type AuthenticatedToken = {
  tokenId: string;
  workspaceId: string;
  scope: TokenScope;
  user: CallerUser;
};

@Injectable()
export class TokenAuthenticator {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The live token for a bearer secret, noting its use; `undefined` if unknown or dead. */
  async authenticate(secret: string): Promise<AuthenticatedToken | undefined> {
    if (!secret.startsWith(TOKEN_PREFIX)) return undefined;
    const token = await this.dataSource
      .getRepository(ApiToken)
      .createQueryBuilder('token')
      .innerJoinAndSelect('token.user', 'user')
      .where('token.tokenHash = :tokenHash', { tokenHash: hashSecret(secret) })
      .andWhere('token.revokedAt IS NULL')
      .andWhere('token.expiresAt > now()')
      .andWhere('user.disabledAt IS NULL')
      .getOne();
    if (!token?.user) return undefined;
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.dataSource.getRepository(ApiToken).update(token.id, { lastUsedAt: () => 'now()' });
    }
    const { id, email, displayName } = token.user;
    return {
      tokenId: token.id,
      workspaceId: token.workspaceId,
      scope: token.scope,
      user: { id, email, displayName },
    };
  }
}
