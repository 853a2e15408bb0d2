import { Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreateProgramRequest,
  createProgramRequestSchema,
  type Program,
  type ProgramListQuery,
  programListQuerySchema,
  type ProgramPage,
  programPageSchema,
  programSchema,
  type UpdateProgramRequest,
  updateProgramRequestSchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../access/current.decorators.js';
import { ZodBody, ZodParam, ZodQuery } from '../common/validation/zod.pipe.js';
import { ProgramsService } from './programs.service.js';
import { Fails, Returns } from '../common/openapi/openapi.decorators.js';

@ApiTags('programs')
@Controller('workspaces/:workspace/programs')
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  /** `programListQuerySchema` → `programPageSchema`, oldest first. */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(programPageSchema)
  list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodQuery(programListQuerySchema) query: ProgramListQuery,
  ): Promise<ProgramPage> {
    return this.programs.list(workspace.id, query);
  }

  /** `createProgramRequestSchema` → `programSchema`. */
  @Post()
  @Access({ workspaceRole: 'editor' })
  @Returns(programSchema)
  create(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodBody(createProgramRequestSchema) body: CreateProgramRequest,
  ): Promise<Program> {
    return this.programs.create(workspace.id, actor, body);
  }

  /** → `programSchema`. */
  @Get(':id')
  @Access({ workspaceRole: 'viewer' })
  @Returns(programSchema)
  get(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<Program> {
    return this.programs.get(workspace.id, id);
  }

  /** `updateProgramRequestSchema` → `programSchema`; a stale `version` is a 409. */
  @Patch(':id')
  @Access({ workspaceRole: 'editor' })
  @Returns(programSchema)
  @Fails(409, 'stale-version')
  update(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('id', z.uuid()) id: string,
    @ZodBody(updateProgramRequestSchema) body: UpdateProgramRequest,
  ): Promise<Program> {
    return this.programs.update(workspace.id, actor, id, body);
  }
}
