import { Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreateWorkspaceRequest,
  createWorkspaceRequestSchema,
  type PageQuery,
  pageQuerySchema,
  type Workspace,
  type WorkspacePage,
  workspacePageSchema,
  workspaceSchema,
} from '@bearing/contracts';
import { Access } from '../access/access.decorator.js';
import type { Actor, CallerUser } from '../access/caller.js';
import { CurrentActor, CurrentUser } from '../access/current.decorators.js';
import { ZodBody, ZodQuery } from '../common/validation/zod.pipe.js';
import { WorkspacesService } from './workspaces.service.js';
import { Fails, Returns } from '../common/openapi/openapi.decorators.js';

@ApiTags('workspaces')
@Controller('workspaces')
export class WorkspacesController {
  constructor(private readonly workspaces: WorkspacesService) {}

  /**
   * `createWorkspaceRequestSchema` → `workspaceSchema`; the caller becomes its admin. Signed-in
   * users may call it, but the instance setting decides who may create: by default only
   * instance admins (anyone else gets a 403 saying so).
   */
  @Post()
  @Access('signed-in')
  @Returns(workspaceSchema)
  @Fails(409, 'slug-taken')
  create(
    @CurrentActor() actor: Actor,
    @CurrentUser() user: CallerUser,
    @ZodBody(createWorkspaceRequestSchema) body: CreateWorkspaceRequest,
  ): Promise<Workspace> {
    return this.workspaces.create(actor, user, body);
  }

  /** `pageQuerySchema` → `workspacePageSchema`: the caller's workspaces. */
  @Get()
  @Access('signed-in')
  @Returns(workspacePageSchema)
  listMine(
    @CurrentUser() user: CallerUser,
    @ZodQuery(pageQuerySchema) page: PageQuery,
  ): Promise<WorkspacePage> {
    return this.workspaces.listMine(user.id, page);
  }
}
