import { Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreateObjectiveRequest,
  createObjectiveRequestSchema,
  type Objective,
  type ObjectiveListQuery,
  objectiveListQuerySchema,
  type ObjectivePage,
  objectivePageSchema,
  objectiveSchema,
  type UpdateObjectiveRequest,
  updateObjectiveRequestSchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../../access/current.decorators.js';
import { ZodBody, ZodParam, ZodQuery } from '../../common/validation/zod.pipe.js';
import { ObjectivesService } from './objectives.service.js';
import { Fails, Returns } from '../../common/openapi/openapi.decorators.js';

@ApiTags('okrs')
@Controller('workspaces/:workspace/objectives')
export class ObjectivesController {
  constructor(private readonly objectives: ObjectivesService) {}

  /** `objectiveListQuerySchema` → `objectivePageSchema`, oldest first. */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(objectivePageSchema)
  list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodQuery(objectiveListQuerySchema) query: ObjectiveListQuery,
  ): Promise<ObjectivePage> {
    return this.objectives.list(workspace.id, query);
  }

  /** `createObjectiveRequestSchema` → `objectiveSchema`. */
  @Post()
  @Access({ workspaceRole: 'editor' })
  @Returns(objectiveSchema)
  create(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodBody(createObjectiveRequestSchema) body: CreateObjectiveRequest,
  ): Promise<Objective> {
    return this.objectives.create(workspace.id, actor, body);
  }

  /** → `objectiveSchema`. */
  @Get(':id')
  @Access({ workspaceRole: 'viewer' })
  @Returns(objectiveSchema)
  get(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<Objective> {
    return this.objectives.get(workspace.id, id);
  }

  /** `updateObjectiveRequestSchema` → `objectiveSchema`; a stale `version` is a 409. */
  @Patch(':id')
  @Access({ workspaceRole: 'editor' })
  @Returns(objectiveSchema)
  @Fails(409, 'stale-version')
  update(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('id', z.uuid()) id: string,
    @ZodBody(updateObjectiveRequestSchema) body: UpdateObjectiveRequest,
  ): Promise<Objective> {
    return this.objectives.update(workspace.id, actor, id, body);
  }
}
