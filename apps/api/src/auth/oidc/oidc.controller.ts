import { Controller, Get, HttpCode, HttpStatus, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuthConfigResponse, authConfigResponseSchema } from '@bearing/contracts';
import type { CookieOptions, Request, Response } from 'express';
import { Access } from '../../access/access.decorator.js';
import { Fails, Returns, ReturnsNothing } from '../../common/openapi/openapi.decorators.js';
import { ProblemException } from '../../common/problem/problem.js';
import { ZodQuery } from '../../common/validation/zod.pipe.js';
import { readSessionCookie, writeSessionCookie } from '../session-cookie.js';
import { OidcService, SIGN_IN_ATTEMPT_TTL_MS } from './oidc.service.js';
import { type OidcStartQuery, oidcStartQuerySchema } from './next-path.js';

/** Binds an attempt to the browser that started it; read only by the callback. */
export const ATTEMPT_COOKIE = 'bearing_sso_attempt';
const ATTEMPT_COOKIE_PATH = '/api/auth/oidc';

/** Where a refused attempt lands: the sign-in page, which says the reason in words. */
const SIGN_IN_PAGE = '/sign-in';

@ApiTags('auth')
@Controller('auth')
export class OidcController {
  constructor(private readonly oidc: OidcService) {}

  /** Which ways of signing in this instance offers (the sign-in page asks before showing them). */
  @Get('config')
  @Access('public')
  @Returns(authConfigResponseSchema)
  config(): AuthConfigResponse {
    return { sso: this.oidc.enabled, passwordSignIn: this.oidc.passwordSignIn };
  }

  /**
   * Starts single sign-on: remembers state, nonce and the PKCE verifier server-side for this
   * browser (a ten-minute httpOnly cookie finds them) and redirects to the identity provider.
   */
  @Get('oidc/start')
  @HttpCode(HttpStatus.FOUND)
  @Access('public')
  @ReturnsNothing(
    'Redirect (`Location`) to the identity provider, or to the sign-in page with `sso-error` when it cannot be reached.',
  )
  @Fails(404, 'not-found')
  @Fails(429, 'rate-limited')
  async start(
    @ZodQuery(oidcStartQuerySchema) query: OidcStartQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    this.requireEnabled();
    const started = await this.oidc.start(query.next ?? '/', {
      ip: request.ip ?? 'unknown',
      requestId: requestIdOf(request),
    });
    if ('reason' in started) return redirect(response, refusedPath(started.reason));
    response.cookie(ATTEMPT_COOKIE, started.browserKey, {
      ...attemptCookieOptions(request),
      maxAge: SIGN_IN_ATTEMPT_TTL_MS,
    });
    redirect(response, started.redirectTo.href);
  }

  /**
   * The identity provider's answer. Signed in → the session cookie is set and the browser goes
   * to the attempt's `next`; refused → `/sign-in?sso-error=<reason>`. Either way the attempt is
   * used up.
   */
  @Get('oidc/callback')
  @HttpCode(HttpStatus.FOUND)
  @Access('public')
  @ReturnsNothing(
    'Redirect (`Location`) to the page asked for at the start, or to `/sign-in?sso-error=<reason>`.',
  )
  @Fails(404, 'not-found')
  @Fails(429, 'rate-limited')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    this.requireEnabled();
    const callbackUrl = this.oidc.callbackUrl(request.originalUrl);
    const outcome = await this.oidc.callback(callbackUrl, readAttemptCookie(request), {
      ip: request.ip ?? 'unknown',
      userAgent: request.get('user-agent') ?? null,
      sessionToken: readSessionCookie(request),
      requestId: requestIdOf(request),
    });
    response.clearCookie(ATTEMPT_COOKIE, attemptCookieOptions(request));
    if (!outcome.signedIn) return redirect(response, refusedPath(outcome.reason));
    writeSessionCookie(request, response, outcome.session);
    redirect(response, outcome.nextPath);
  }

  private requireEnabled(): void {
    if (!this.oidc.enabled) throw ProblemException.notFound('Single sign-on is not configured.');
  }
}

function attemptCookieOptions(request: Request): CookieOptions {
  // Lax, not Strict: the provider sends the browser back with a top-level cross-site GET.
  return { httpOnly: true, sameSite: 'lax', secure: request.secure, path: ATTEMPT_COOKIE_PATH };
}

function readAttemptCookie(request: Request): string | undefined {
  const cookies: unknown = request.cookies;
  if (typeof cookies !== 'object' || cookies === null) return undefined;
  const value: unknown = (cookies as Record<string, unknown>)[ATTEMPT_COOKIE];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function refusedPath(reason: string): string {
  return `${SIGN_IN_PAGE}?sso-error=${encodeURIComponent(reason)}`;
}

/** A 302 without a body (Express's `redirect` would write one). */
function redirect(response: Response, location: string): void {
  response.status(HttpStatus.FOUND).setHeader('Location', location);
  response.setHeader('Cache-Control', 'no-store');
  response.end();
}

function requestIdOf(request: Request): string | null {
  return typeof request.id === 'string' ? request.id : null;
}
