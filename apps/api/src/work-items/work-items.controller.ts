import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  teamRefSchema,
  type WorkItemDetail,
  workItemDetailSchema,
  type WorkItemPage,
  workItemPageSchema,
  type WorkItemQuery,
  workItemQuerySchema,
  type WorkItemTypes,
  workItemTypesSchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { WorkspaceContext } from '../access/caller.js';
import { CurrentWorkspace } from '../access/current.decorators.js';
import { ZodParam, ZodQuery } from '../common/validation/zod.pipe.js';
import { WorkItemsService } from './work-items.service.js';
import { Returns } from '../common/openapi/openapi.decorators.js';

@ApiTags('work items')
@Controller('workspaces/:workspace/teams/:team/work-items')
export class WorkItemsController {
  constructor(private readonly workItems: WorkItemsService) {}

  /** `workItemQuerySchema` → `workItemPageSchema`, newest first unless sorted. */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(workItemPageSchema)
  list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodQuery(workItemQuerySchema) query: WorkItemQuery,
  ): Promise<WorkItemPage> {
    return this.workItems.list(workspace.id, team, query);
  }

  /** → `workItemTypesSchema`: the choices of the list's type filter. Before `:workItem`. */
  @Get('types')
  @Access({ workspaceRole: 'viewer' })
  @Returns(workItemTypesSchema)
  types(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
  ): Promise<WorkItemTypes> {
    return this.workItems.types(workspace.id, team);
  }

  /** → `workItemDetailSchema`: the item with its status, sprint and estimate history. */
  @Get(':workItem')
  @Access({ workspaceRole: 'viewer' })
  @Returns(workItemDetailSchema)
  get(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodParam('workItem', z.uuid()) workItem: string,
  ): Promise<WorkItemDetail> {
    return this.workItems.get(workspace.id, team, workItem);
  }
}
