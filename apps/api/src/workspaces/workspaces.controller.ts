import { Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreateWorkspaceRequest,
  createWorkspaceRequestSchema,
  type PageQuery,
  pageQuerySchema,
  type Workspace,
  type WorkspacePage,
} from '@bearing/contracts';
import { Access } from '../access/access.decorator.js';
import type { Actor, CallerUser } from '../access/caller.js';
import { CurrentActor, CurrentUser } from '../access/current.decorators.js';
import { ZodBody, ZodQuery } from '../common/validation/zod.pipe.js';
import { WorkspacesService } from './workspaces.service.js';

@ApiTags('workspaces')
@Controller('workspaces')
export class WorkspacesController {
  constructor(private readonly workspaces: WorkspacesService) {}

  /** `createWorkspaceRequestSchema` → `workspaceSchema`; the caller becomes its admin. */
  @Post()
  @Access('signed-in')
  create(
    @CurrentActor() actor: Actor,
    @ZodBody(createWorkspaceRequestSchema) body: CreateWorkspaceRequest,
  ): Promise<Workspace> {
    return this.workspaces.create(actor, body);
  }

  /** `pageQuerySchema` → `workspacePageSchema`: the caller's workspaces. */
  @Get()
  @Access('signed-in')
  listMine(
    @CurrentUser() user: CallerUser,
    @ZodQuery(pageQuerySchema) page: PageQuery,
  ): Promise<WorkspacePage> {
    return this.workspaces.listMine(user.id, page);
  }
}
