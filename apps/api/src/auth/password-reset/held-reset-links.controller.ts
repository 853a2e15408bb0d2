import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type PendingPasswordResetList, pendingPasswordResetListSchema } from '@bearing/contracts';
import type { Response } from 'express';
import { Access } from '../../access/access.decorator.js';
import type { Actor } from '../../access/caller.js';
import { CurrentActor } from '../../access/current.decorators.js';
import { Returns } from '../../common/openapi/openapi.decorators.js';
import { PasswordResetService } from './password-reset.service.js';

/** Reset links held for instance admins to pass on, while Bearing sends no email. */
@ApiTags('admin')
@Controller('admin/password-resets')
export class HeldResetLinksController {
  constructor(private readonly resets: PasswordResetService) {}

  /**
   * `pendingPasswordResetListSchema`: usable links, newest first. Each link signs its holder
   * into that account's password for 30 minutes: never cached, shown to instance admins only,
   * and every look is recorded in the instance audit log (who saw which accounts' links).
   */
  @Get()
  @Access('instance-admin')
  @Returns(pendingPasswordResetListSchema)
  list(
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PendingPasswordResetList> {
    response.setHeader('Cache-Control', 'no-store');
    return this.resets.heldLinks(actor);
  }
}
