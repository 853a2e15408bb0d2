import { Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreateSprintRequest,
  createSprintRequestSchema,
  type PageQuery,
  pageQuerySchema,
  type PutSprintAvailabilityRequest,
  putSprintAvailabilityRequestSchema,
  type Sprint,
  type SprintAvailability,
  sprintAvailabilitySchema,
  type SprintPage,
  sprintPageSchema,
  sprintSchema,
  teamRefSchema,
  type UpdateSprintRequest,
  updateSprintRequestSchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../access/current.decorators.js';
import { ZodBody, ZodParam, ZodQuery } from '../common/validation/zod.pipe.js';
import { AvailabilityService } from './availability.service.js';
import { SprintsService } from './sprints.service.js';
import { Fails, Returns, ReturnsNothing } from '../common/openapi/openapi.decorators.js';

@ApiTags('sprints')
@Controller('workspaces/:workspace/teams/:team/sprints')
export class SprintsController {
  constructor(
    private readonly sprints: SprintsService,
    private readonly availability: AvailabilityService,
  ) {}

  /** `pageQuerySchema` → `sprintPageSchema`, latest start first. */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(sprintPageSchema)
  list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodQuery(pageQuerySchema) page: PageQuery,
  ): Promise<SprintPage> {
    return this.sprints.list(workspace.id, team, page);
  }

  /** `createSprintRequestSchema` → `sprintSchema`. */
  @Post()
  @Access({ workspaceRole: 'editor' })
  @Returns(sprintSchema)
  create(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodBody(createSprintRequestSchema) body: CreateSprintRequest,
  ): Promise<Sprint> {
    return this.sprints.create(workspace.id, actor, team, body);
  }

  @Get(':sprint')
  @Access({ workspaceRole: 'viewer' })
  @Returns(sprintSchema)
  get(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodParam('sprint', z.uuid()) sprint: string,
  ): Promise<Sprint> {
    return this.sprints.get(workspace.id, team, sprint);
  }

  /** `updateSprintRequestSchema` → `sprintSchema`; a stale `version` is a 409. */
  @Patch(':sprint')
  @Access({ workspaceRole: 'editor' })
  @Returns(sprintSchema)
  @Fails(409, 'stale-version')
  update(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodParam('sprint', z.uuid()) sprint: string,
    @ZodBody(updateSprintRequestSchema) body: UpdateSprintRequest,
  ): Promise<Sprint> {
    return this.sprints.update(workspace.id, actor, team, sprint, body);
  }

  @Delete(':sprint')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access({ workspaceRole: 'editor' })
  @ReturnsNothing()
  remove(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodParam('sprint', z.uuid()) sprint: string,
  ): Promise<void> {
    return this.sprints.remove(workspace.id, actor, team, sprint);
  }

  /** → `sprintAvailabilitySchema`: every member, with defaults where nothing was entered. */
  @Get(':sprint/availability')
  @Access({ workspaceRole: 'viewer' })
  @Returns(sprintAvailabilitySchema)
  getAvailability(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodParam('sprint', z.uuid()) sprint: string,
  ): Promise<SprintAvailability> {
    return this.availability.get(workspace.id, team, sprint);
  }

  /** `putSprintAvailabilityRequestSchema` → `sprintAvailabilitySchema`; a stale `version` is a 409. */
  @Put(':sprint/availability')
  @Access({ workspaceRole: 'editor' })
  @Returns(sprintAvailabilitySchema)
  @Fails(409, 'stale-version')
  putAvailability(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodParam('sprint', z.uuid()) sprint: string,
    @ZodBody(putSprintAvailabilityRequestSchema) body: PutSprintAvailabilityRequest,
  ): Promise<SprintAvailability> {
    return this.availability.put(workspace.id, actor, team, sprint, body);
  }
}
