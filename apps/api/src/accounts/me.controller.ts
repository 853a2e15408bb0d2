import { Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type MeResponse,
  meResponseSchema,
  type UpdateMeRequest,
  updateMeRequestSchema,
} from '@bearing/contracts';
import {
  Access,
  OpenBeforeMfaEnrolment,
  OpenBeforePasswordChange,
} from '../access/access.decorator.js';
import type { CallerUser } from '../access/caller.js';
import { CurrentUser } from '../access/current.decorators.js';
import { ZodBody } from '../common/validation/zod.pipe.js';
import { AccountsService } from './accounts.service.js';
import { Returns } from '../common/openapi/openapi.decorators.js';

@ApiTags('account')
@Controller('me')
export class MeController {
  constructor(private readonly accounts: AccountsService) {}

  /** The signed-in user, their preferences and workspaces with roles (`meResponseSchema`). */
  @Get()
  @Access('signed-in')
  @OpenBeforePasswordChange()
  @OpenBeforeMfaEnrolment()
  @Returns(meResponseSchema)
  me(@CurrentUser() user: CallerUser): Promise<MeResponse> {
    return this.accounts.me(user.id);
  }

  /**
   * `{audience?, timeZone?}`: the caller's own landing view and IANA time zone (for digests);
   * answers the updated `meResponseSchema`. Like every signed-in route it takes a session
   * only — API tokens reach their workspace's routes.
   */
  @Patch()
  @Access('signed-in')
  @Returns(meResponseSchema)
  update(
    @CurrentUser() user: CallerUser,
    @ZodBody(updateMeRequestSchema) body: UpdateMeRequest,
  ): Promise<MeResponse> {
    return this.accounts.updatePreferences(user.id, body);
  }
}
