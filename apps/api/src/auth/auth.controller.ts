import { Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AcceptInviteRequest,
  acceptInviteRequestSchema,
  type CompleteMfaSignInRequest,
  completeMfaSignInRequestSchema,
  type MfaChallenge,
  type MeResponse,
  meResponseSchema,
  type SessionResponse,
  sessionResponseSchema,
  type SignInRequest,
  signInRequestSchema,
  signInResponseSchema,
} from '@bearing/contracts';
import type { Request, Response } from 'express';
import {
  Access,
  OpenBeforeMfaEnrolment,
  OpenBeforePasswordChange,
} from '../access/access.decorator.js';
import type { Caller } from '../access/caller.js';
import { CurrentCaller } from '../access/current.decorators.js';
import { ZodBody } from '../common/validation/zod.pipe.js';
import { AuthService, type Client } from './auth.service.js';
import { MfaSignInService } from './mfa/mfa-sign-in.service.js';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from './session-cookie.js';
import { Fails, Returns, ReturnsNothing } from '../common/openapi/openapi.decorators.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly mfa: MfaSignInService,
  ) {}

  /**
   * `signInRequestSchema` → `signInResponseSchema`: signed in (`meResponseSchema`, the session
   * cookie is set) or, for a user with MFA, `{mfaRequired: true, ticket}` and no session yet.
   */
  @Post('sign-in')
  @HttpCode(HttpStatus.OK)
  @Access('public')
  @Returns(signInResponseSchema, {
    description: 'Signed in (the session cookie is set), or the MFA step comes next.',
  })
  @Fails(401, 'unauthorized')
  @Fails(429, 'rate-limited')
  async signIn(
    @ZodBody(signInRequestSchema) body: SignInRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MeResponse | MfaChallenge> {
    const result = await this.auth.signIn(body, clientOf(request));
    if ('mfaRequired' in result) return result;
    writeSessionCookie(request, response, result.session);
    return result.me;
  }

  /**
   * `completeMfaSignInRequestSchema` → `meResponseSchema`, the session cookie set: the ticket
   * from sign-in with a code from the authenticator app or an unused recovery code. A wrong
   * code is a 400 naming the field; an expired, used or exhausted ticket a 401.
   */
  @Post('mfa')
  @HttpCode(HttpStatus.OK)
  @Access('public')
  @Returns(meResponseSchema, { description: 'Signed in: the session cookie is set.' })
  @Fails(401, 'unauthorized')
  @Fails(429, 'rate-limited')
  async completeMfa(
    @ZodBody(completeMfaSignInRequestSchema) body: CompleteMfaSignInRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MeResponse> {
    const { session, me } = await this.mfa.complete(body, clientOf(request));
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
  @OpenBeforeMfaEnrolment()
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
