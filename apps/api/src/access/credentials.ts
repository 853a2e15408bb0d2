import type { Request } from 'express';

/**
 * What a caller presents and how long it lasts: the session cookie a browser carries and the
 * bearer secret of an API token. Access is the one reader of caller identity, so these live here;
 * the features that issue them (auth, tokens) take them from here.
 */

export const SESSION_COOKIE = 'bearing_session';

/** Signed out after this long without a request. */
export const SESSION_IDLE_TIMEOUT_MS = 12 * 60 * 60 * 1000;

/** Every API token starts with this, so secret scanners and people can recognise one. */
export const TOKEN_PREFIX = 'brg_';

/** A session's `last_seen_at` and a token's `last_used_at` are written at most this often. */
export const TOUCH_INTERVAL_MS = 60 * 1000;

export function readSessionCookie(request: Request): string | undefined {
  const cookies: unknown = request.cookies;
  if (typeof cookies !== 'object' || cookies === null) return undefined;
  const value: unknown = (cookies as Record<string, unknown>)[SESSION_COOKIE];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
