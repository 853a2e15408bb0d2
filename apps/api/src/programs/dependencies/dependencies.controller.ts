import { Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreateProgramDependencyRequest,
  createProgramDependencyRequestSchema,
  type ProgramDependency,
  type ProgramDependencyListQuery,
  programDependencyListQuerySchema,
  type ProgramDependencyPage,
  programDependencyPageSchema,
  programDependencySchema,
  type UpdateProgramDependencyRequest,
  updateProgramDependencyRequestSchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../../access/current.decorators.js';
import { ZodBody, ZodParam, ZodQuery } from '../../common/validation/zod.pipe.js';
import { DependenciesService } from './dependencies.service.js';
import { Fails, Returns } from '../../common/openapi/openapi.decorators.js';

@ApiTags('dependencies')
@Controller('workspaces/:workspace/programs/:program/dependencies')
export class DependenciesController {
  constructor(private readonly dependencies: DependenciesService) {}

  /** `programDependencyListQuerySchema` → `programDependencyPageSchema`, by need-by date. */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(programDependencyPageSchema)
  list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('program', z.uuid()) programId: string,
    @ZodQuery(programDependencyListQuerySchema) query: ProgramDependencyListQuery,
  ): Promise<ProgramDependencyPage> {
    return this.dependencies.list({ workspaceId: workspace.id, programId }, query);
  }

  /** `createProgramDependencyRequestSchema` → `programDependencySchema`. */
  @Post()
  @Access({ workspaceRole: 'editor' })
  @Returns(programDependencySchema)
  create(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('program', z.uuid()) programId: string,
    @ZodBody(createProgramDependencyRequestSchema) body: CreateProgramDependencyRequest,
  ): Promise<ProgramDependency> {
    return this.dependencies.create({ workspaceId: workspace.id, programId }, actor, body);
  }

  /** → `programDependencySchema`. */
  @Get(':id')
  @Access({ workspaceRole: 'viewer' })
  @Returns(programDependencySchema)
  get(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('program', z.uuid()) programId: string,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<ProgramDependency> {
    return this.dependencies.get({ workspaceId: workspace.id, programId }, id);
  }

  /** `updateProgramDependencyRequestSchema` → `programDependencySchema`; stale `version` → 409. */
  @Patch(':id')
  @Access({ workspaceRole: 'editor' })
  @Returns(programDependencySchema)
  @Fails(409, 'stale-version')
  update(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('program', z.uuid()) programId: string,
    @ZodParam('id', z.uuid()) id: string,
    @ZodBody(updateProgramDependencyRequestSchema) body: UpdateProgramDependencyRequest,
  ): Promise<ProgramDependency> {
    return this.dependencies.update({ workspaceId: workspace.id, programId }, actor, id, body);
  }
}
