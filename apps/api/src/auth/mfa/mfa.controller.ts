import { Controller, Delete, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type DisableMfaRequest,
  disableMfaRequestSchema,
  type RecoveryCodes,
  recoveryCodesSchema,
  type TotpEnrolment,
  totpEnrolmentSchema,
  type VerifyTotpRequest,
  verifyTotpRequestSchema,
} from '@bearing/contracts';
import { Access, OpenBeforeMfaEnrolment } from '../../access/access.decorator.js';
import type { Actor, Caller } from '../../access/caller.js';
import { CurrentActor, CurrentCaller } from '../../access/current.decorators.js';
import { Fails, Returns, ReturnsNothing } from '../../common/openapi/openapi.decorators.js';
import { ZodBody } from '../../common/validation/zod.pipe.js';
import { MfaEnrolmentService, type SessionCaller } from './mfa-enrolment.service.js';

/** The signed-in user's own second factor. Open while an instance admin must enrol one. */
@ApiTags('account')
@Controller('me/mfa')
export class MfaController {
  constructor(private readonly mfa: MfaEnrolmentService) {}

  /**
   * → `totpEnrolmentSchema`: a new secret and its `otpauth://` link for the QR code; 409
   * `mfa-already-enabled` while MFA is on.
   */
  @Post('totp')
  @HttpCode(HttpStatus.OK)
  @Access('signed-in')
  @OpenBeforeMfaEnrolment()
  @Returns(totpEnrolmentSchema)
  @Fails(409, 'mfa-already-enabled')
  startTotp(@CurrentCaller() caller: Caller): Promise<TotpEnrolment> {
    return this.mfa.startTotp(caller.user.id);
  }

  /**
   * `verifyTotpRequestSchema` → `recoveryCodesSchema`: the app's first code turns MFA on and
   * answers the ten recovery codes, once; every other session of the user ends. A wrong code is
   * a 400 naming `code`.
   */
  @Post('totp/verify')
  @HttpCode(HttpStatus.OK)
  @Access('signed-in')
  @OpenBeforeMfaEnrolment()
  @Returns(recoveryCodesSchema)
  @Fails(409, 'mfa-already-enabled', 'mfa-enrolment-not-started')
  @Fails(429, 'rate-limited')
  verifyTotp(
    @CurrentCaller() caller: Caller,
    @CurrentActor() actor: Actor,
    @ZodBody(verifyTotpRequestSchema) body: VerifyTotpRequest,
  ): Promise<RecoveryCodes> {
    return this.mfa.confirmTotp(sessionCallerOf(caller, actor), body.code);
  }

  /**
   * `disableMfaRequestSchema` → 204: turns MFA off (the authenticator and recovery codes are
   * deleted). A wrong password is a 400 naming `password`.
   */
  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access('signed-in')
  @ReturnsNothing('MFA is off: sign-in asks for the password only.')
  @Fails(429, 'rate-limited')
  disable(
    @CurrentCaller() caller: Caller,
    @CurrentActor() actor: Actor,
    @ZodBody(disableMfaRequestSchema) body: DisableMfaRequest,
  ): Promise<void> {
    return this.mfa.disable(sessionCallerOf(caller, actor), body.password);
  }
}

function sessionCallerOf(caller: Caller, actor: Actor): SessionCaller {
  if (caller.kind !== 'session') throw new Error('A signed-in route was reached without a session');
  return { userId: caller.user.id, sessionId: caller.sessionId, requestId: actor.requestId };
}
