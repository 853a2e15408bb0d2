import type { CookieOptions, Request, Response } from 'express';
import { SESSION_COOKIE } from '../access/credentials.js';
import type { IssuedSession } from './sessions.service.js';

// The cookie's name and how a request's cookie is read belong to access, the one reader of
// caller identity; this feature writes and clears it.
export { readSessionCookie, SESSION_COOKIE } from '../access/credentials.js';

/**
 * Not readable by scripts (HttpOnly), not sent on cross-site subresource requests or posts
 * (SameSite=Lax), and `Secure` whenever the request came over https — directly or through a
 * trusted proxy's `X-Forwarded-Proto` — while plain-http LAN installs keep working.
 */
function cookieOptions(request: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: request.secure, path: '/' };
}

export function writeSessionCookie(
  request: Request,
  response: Response,
  session: IssuedSession,
): void {
  response.cookie(SESSION_COOKIE, session.token, {
    ...cookieOptions(request),
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(request: Request, response: Response): void {
  response.clearCookie(SESSION_COOKIE, cookieOptions(request));
}
