import { Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AcceptInviteRequest,
  acceptInviteRequestSchema,
  type MeResponse,
  meResponseSchema,
  type SessionResponse,
  sessionResponseSchema,
  type SignInRequest,
  signInRequestSchema,
} from '@bearing/contracts';
import type { Request, Response } from 'express';
import { Access, OpenBeforePasswordChange } from '../access/access.decorator.js';
import type { Caller } from '../access/caller.js';
import { CurrentCaller } from '../access/current.decorators.js';
import { ZodBody } from '../common/validation/zod.pipe.js';
import { AuthService, type Client } from './auth.service.js';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from './session-cookie.js';
import { Fails, Returns, ReturnsNothing } from '../common/openapi/openapi.decorators.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** `signInRequestSchema` → sets the session cookie, answers `meResponseSchema`. */
  @Post('sign-in')
  @HttpCode(HttpStatus.OK)
  @Access('public')
  @Returns(meResponseSchema, { description: 'Signed in: the session cookie is set.' })
  @Fails(401, 'unauthorized')
  @Fails(429, 'rate-limited')
  async signIn(
    @ZodBody(signInRequestSchema) body: SignInRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MeResponse> {
    const { session, me } = await this.auth.signIn(body, clientOf(request));
    writeSessionCookie(request, response, session);
    return me;
  }

  /**
   * `sessionResponseSchema`: who this browser's session cookie belongs to, or `me: null`.
   * Public and always 200, so the web app can check on pages where being signed out is normal
   * without a failed request; it reads only the cookie (API tokens use `GET /api/me`).
   */
  @Get('session')
  @Access('public')
  @Returns(sessionResponseSchema)
  async session(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponse> {
    response.setHeader('Cache-Control', 'no-store');
    return { me: await this.auth.currentSession(readSessionCookie(request)) };
  }

  /** Revokes the current session and clears its cookie. */
  @Post('sign-out')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access('signed-in')
  @OpenBeforePasswordChange()
  @ReturnsNothing()
  async signOut(
    @CurrentCaller() caller: Caller,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.signOut(caller, clientOf(request).requestId);
    clearSessionCookie(request, response);
  }

  /** `acceptInviteRequestSchema` → creates the account, joins, signs in (`meResponseSchema`). */
  @Post('accept-invite')
  @HttpCode(HttpStatus.OK)
  @Access('public')
  @Returns(meResponseSchema, {
    description: 'Account created and signed in: the session cookie is set.',
  })
  @Fails(404, 'not-found')
  @Fails(409, 'account-exists')
  async acceptInvite(
    @ZodBody(acceptInviteRequestSchema) body: AcceptInviteRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MeResponse> {
    const { session, me } = await this.auth.acceptInvite(body, clientOf(request));
    writeSessionCookie(request, response, session);
    return me;
  }
}

/** The browser behind a request, as sign-in and password reset record it. */
function clientOf(request: Request): Client {
  return {
    ip: request.ip ?? 'unknown',
    userAgent: request.get('user-agent') ?? null,
    sessionToken: readSessionCookie(request),
    requestId: typeof request.id === 'string' ? request.id : null,
  };
}
