import { Controller, Delete, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AccountSessionList,
  accountSessionListSchema,
  type RevokedSessions,
  revokedSessionsSchema,
} from '@bearing/contracts';
import type { Request, Response } from 'express';
import { z } from 'zod';
import {
  Access,
  OpenBeforeMfaEnrolment,
  OpenBeforePasswordChange,
} from '../../access/access.decorator.js';
import type { Actor, Caller } from '../../access/caller.js';
import { CurrentActor, CurrentCaller } from '../../access/current.decorators.js';
import { Returns, ReturnsNothing } from '../../common/openapi/openapi.decorators.js';
import { ZodParam } from '../../common/validation/zod.pipe.js';
import { clearSessionCookie } from '../session-cookie.js';
import { AccountSessionsService } from './account-sessions.service.js';

/**
 * The signed-in user's own browser sessions (ASVS 5.0 V7.5.2). Session only, like every
 * signed-in route; open while a password change is pending, so a user told to change a
 * password someone else chose can also end the sessions it may have opened.
 */
@ApiTags('account')
@Controller('me/sessions')
export class AccountSessionsController {
  constructor(private readonly sessions: AccountSessionsService) {}

  /** `accountSessionListSchema`: live sessions, most recently seen first, this one marked. */
  @Get()
  @Access('signed-in')
  @OpenBeforePasswordChange()
  @OpenBeforeMfaEnrolment()
  @Returns(accountSessionListSchema)
  list(@CurrentCaller() caller: Caller): Promise<AccountSessionList> {
    return this.sessions.list(caller.user.id, sessionIdOf(caller));
  }

  /** Ends one of the caller's sessions; 404 for any id that is not theirs and live. */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access('signed-in')
  @OpenBeforePasswordChange()
  @OpenBeforeMfaEnrolment()
  @ReturnsNothing()
  revoke(
    @CurrentCaller() caller: Caller,
    @CurrentActor() actor: Actor,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<void> {
    return this.sessions.revoke(caller.user, id, actor.requestId);
  }

  /** Ends every other session of the caller; answers how many (`revokedSessionsSchema`). */
  @Post('revoke-others')
  @HttpCode(HttpStatus.OK)
  @Access('signed-in')
  @OpenBeforePasswordChange()
  @OpenBeforeMfaEnrolment()
  @Returns(revokedSessionsSchema)
  revokeOthers(
    @CurrentCaller() caller: Caller,
    @CurrentActor() actor: Actor,
  ): Promise<RevokedSessions> {
    return this.sessions.revokeOthers(caller.user, sessionIdOf(caller), actor.requestId);
  }

  /**
   * Signs the caller out everywhere, this browser included, and clears its cookie; answers how
   * many sessions ended (`revokedSessionsSchema`).
   */
  @Post('revoke-all')
  @HttpCode(HttpStatus.OK)
  @Access('signed-in')
  @OpenBeforePasswordChange()
  @OpenBeforeMfaEnrolment()
  @Returns(revokedSessionsSchema)
  async revokeAll(
    @CurrentCaller() caller: Caller,
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RevokedSessions> {
    const revoked = await this.sessions.revokeAll(caller.user, actor.requestId);
    clearSessionCookie(request, response);
    return revoked;
  }
}

/** The `signed-in` rule lets only sessions through; a token here is a bug, not a 4xx. */
function sessionIdOf(caller: Caller): string {
  if (caller.kind !== 'session') throw new Error('A signed-in route was reached without a session');
  return caller.sessionId;
}
