import { Controller, Delete, Get, HttpCode, HttpStatus } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type ApiTokenPage,
  apiTokenPageSchema,
  type PageQuery,
  pageQuerySchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../access/current.decorators.js';
import { ZodParam, ZodQuery } from '../common/validation/zod.pipe.js';
import { TokensService } from './tokens.service.js';
import { Returns, ReturnsNothing } from '../common/openapi/openapi.decorators.js';

/** Every member's API tokens in one workspace, for its admins. */
@ApiTags('tokens')
@Controller('workspaces/:workspace/tokens')
export class WorkspaceTokensController {
  constructor(private readonly tokens: TokensService) {}

  /** `pageQuerySchema` → `apiTokenPageSchema`: unrevoked, newest first, with owners. */
  @Get()
  @Access({ workspaceRole: 'admin' })
  @Returns(apiTokenPageSchema)
  list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodQuery(pageQuerySchema) page: PageQuery,
  ): Promise<ApiTokenPage> {
    return this.tokens.listForWorkspace(workspace.id, page);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access({ workspaceRole: 'admin' })
  @ReturnsNothing()
  revoke(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<void> {
    return this.tokens.revokeInWorkspace(workspace.id, actor, id);
  }
}
