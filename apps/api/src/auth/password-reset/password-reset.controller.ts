import { Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type PasswordResetAccepted,
  passwordResetAcceptedSchema,
  type PasswordResetConfirmRequest,
  passwordResetConfirmRequestSchema,
  type PasswordResetRequest,
  passwordResetRequestSchema,
} from '@bearing/contracts';
import type { Request } from 'express';
import { Access } from '../../access/access.decorator.js';
import { Fails, Returns, ReturnsNothing } from '../../common/openapi/openapi.decorators.js';
import { ZodBody } from '../../common/validation/zod.pipe.js';
import { PasswordResetService } from './password-reset.service.js';

@ApiTags('auth')
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  /**
   * `passwordResetRequestSchema` → always 202 with the same `passwordResetAcceptedSchema` body,
   * whether an account has the email or not; a link valid 30 minutes goes to the account.
   */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @Access('public')
  @Returns(passwordResetAcceptedSchema, {
    status: HttpStatus.ACCEPTED,
    description: 'The same answer for every email: a link is on its way if it has an account.',
  })
  @Fails(429, 'rate-limited')
  request(
    @ZodBody(passwordResetRequestSchema) body: PasswordResetRequest,
    @Req() request: Request,
  ): Promise<PasswordResetAccepted> {
    return this.resets.request(body.email, {
      ip: request.ip ?? 'unknown',
      requestId: requestIdOf(request),
    });
  }

  /**
   * `passwordResetConfirmRequestSchema` → 204: the new password is set, the link used up and
   * every session of the account ended. A bad link or a refused password is a 400 naming
   * `token` or `password`.
   */
  @Post('confirm')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access('public')
  @ReturnsNothing('The password is set; sign in with it.')
  confirm(
    @ZodBody(passwordResetConfirmRequestSchema) body: PasswordResetConfirmRequest,
    @Req() request: Request,
  ): Promise<void> {
    return this.resets.confirm(body, requestIdOf(request));
  }
}

function requestIdOf(request: Request): string | null {
  return typeof request.id === 'string' ? request.id : null;
}
