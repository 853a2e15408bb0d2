import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { SessionsService } from '../auth/sessions.service.js';
import { readSessionCookie } from '../auth/session-cookie.js';
import { ProblemException } from '../common/problem/problem.js';
import { TokenAuthenticator } from '../tokens/token-authenticator.service.js';
import type { Caller } from './caller.js';

const BEARER = /^Bearer ([\w.~+/-]+=*)$/;

/**
 * Finds who is calling. An `Authorization` header wins over a cookie and must be valid — a
 * script with a revoked or expired token gets a clear 401 rather than acting anonymously.
 * A stale cookie simply counts as not signed in.
 */
@Injectable()
export class CallerResolver {
  constructor(
    private readonly sessions: SessionsService,
    private readonly tokens: TokenAuthenticator,
  ) {}

  async resolve(request: Request): Promise<Caller | undefined> {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const secret = BEARER.exec(authorization)?.[1];
      const token = secret === undefined ? undefined : await this.tokens.authenticate(secret);
      if (!token) {
        throw ProblemException.unauthorized(
          'The API token is not valid, has expired or was revoked.',
        );
      }
      return { kind: 'token', ...token };
    }
    const sessionToken = readSessionCookie(request);
    if (sessionToken === undefined) return undefined;
    const session = await this.sessions.authenticate(sessionToken);
    return session && { kind: 'session', ...session };
  }
}
