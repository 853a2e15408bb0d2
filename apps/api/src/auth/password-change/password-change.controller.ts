import { Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type ChangePasswordRequest, changePasswordRequestSchema } from '@bearing/contracts';
import {
  Access,
  OpenBeforeMfaEnrolment,
  OpenBeforePasswordChange,
} from '../../access/access.decorator.js';
import type { Actor, Caller } from '../../access/caller.js';
import { CurrentActor, CurrentCaller } from '../../access/current.decorators.js';
import { Fails, ReturnsNothing } from '../../common/openapi/openapi.decorators.js';
import { ZodBody } from '../../common/validation/zod.pipe.js';
import { PasswordChangeService } from './password-change.service.js';

@ApiTags('account')
@Controller('me/password')
export class PasswordChangeController {
  constructor(private readonly passwords: PasswordChangeService) {}

  /**
   * `changePasswordRequestSchema` → 204. A wrong `currentPassword` or a `newPassword` the
   * policy refuses is a 400 naming the field; every other session of the user ends.
   */
  @Post()
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access('signed-in')
  @OpenBeforePasswordChange()
  @OpenBeforeMfaEnrolment()
  @ReturnsNothing('Changed: other sessions of the account have ended, this one stays.')
  @Fails(429, 'rate-limited')
  change(
    @CurrentCaller() caller: Caller,
    @CurrentActor() actor: Actor,
    @ZodBody(changePasswordRequestSchema) body: ChangePasswordRequest,
  ): Promise<void> {
    if (caller.kind !== 'session')
      throw new Error('A signed-in route was reached without a session');
    return this.passwords.change(
      { userId: caller.user.id, sessionId: caller.sessionId, requestId: actor.requestId },
      body,
    );
  }
}
