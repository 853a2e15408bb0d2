import type { CookieOptions, Request, Response } from 'express';
import type { IssuedSession } from './sessions.service.js';

export const SESSION_COOKIE = 'bearing_session';

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

export function readSessionCookie(request: Request): string | undefined {
  const cookies: unknown = request.cookies;
  if (typeof cookies !== 'object' || cookies === null) return undefined;
  const value: unknown = (cookies as Record<string, unknown>)[SESSION_COOKIE];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
