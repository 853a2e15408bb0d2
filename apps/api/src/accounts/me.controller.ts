import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MeResponse } from '@bearing/contracts';
import { Access } from '../access/access.decorator.js';
import type { CallerUser } from '../access/caller.js';
import { CurrentUser } from '../access/current.decorators.js';
import { AccountsService } from './accounts.service.js';

@ApiTags('account')
@Controller('me')
export class MeController {
  constructor(private readonly accounts: AccountsService) {}

  /** The signed-in user and their workspaces with roles (`meResponseSchema`). */
  @Get()
  @Access('signed-in')
  me(@CurrentUser() user: CallerUser): Promise<MeResponse> {
    return this.accounts.me(user.id);
  }
}
