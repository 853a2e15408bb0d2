import { Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreateMilestoneRequest,
  createMilestoneRequestSchema,
  type Milestone,
  type MilestoneListQuery,
  milestoneListQuerySchema,
  type MilestonePage,
  milestonePageSchema,
  milestoneSchema,
  type UpdateMilestoneRequest,
  updateMilestoneRequestSchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../../access/current.decorators.js';
import { ZodBody, ZodParam, ZodQuery } from '../../common/validation/zod.pipe.js';
import { MilestonesService } from './milestones.service.js';
import { Fails, Returns, ReturnsNothing } from '../../common/openapi/openapi.decorators.js';

@ApiTags('milestones')
@Controller('workspaces/:workspace/programs/:program/milestones')
export class MilestonesController {
  constructor(private readonly milestones: MilestonesService) {}

  /** `milestoneListQuerySchema` → `milestonePageSchema`, by baseline date. */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(milestonePageSchema)
  list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('program', z.uuid()) programId: string,
    @ZodQuery(milestoneListQuerySchema) query: MilestoneListQuery,
  ): Promise<MilestonePage> {
    return this.milestones.list({ workspaceId: workspace.id, programId }, query);
  }

  /** `createMilestoneRequestSchema` → `milestoneSchema`. */
  @Post()
  @Access({ workspaceRole: 'editor' })
  @Returns(milestoneSchema)
  create(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('program', z.uuid()) programId: string,
    @ZodBody(createMilestoneRequestSchema) body: CreateMilestoneRequest,
  ): Promise<Milestone> {
    return this.milestones.create({ workspaceId: workspace.id, programId }, actor, body);
  }

  /** → `milestoneSchema`, with its history. */
  @Get(':id')
  @Access({ workspaceRole: 'viewer' })
  @Returns(milestoneSchema)
  get(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('program', z.uuid()) programId: string,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<Milestone> {
    return this.milestones.get({ workspaceId: workspace.id, programId }, id);
  }

  /** `updateMilestoneRequestSchema` → `milestoneSchema`; a stale `version` is a 409. */
  @Patch(':id')
  @Access({ workspaceRole: 'editor' })
  @Returns(milestoneSchema)
  @Fails(409, 'stale-version')
  update(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('program', z.uuid()) programId: string,
    @ZodParam('id', z.uuid()) id: string,
    @ZodBody(updateMilestoneRequestSchema) body: UpdateMilestoneRequest,
  ): Promise<Milestone> {
    return this.milestones.update({ workspaceId: workspace.id, programId }, actor, id, body);
  }

  /**
   * Removes a milestone added by mistake (to the wrong program, or twice), with its moves; the
   * audit log keeps what it was. Published reports keep it as they froze it; the next draft
   * leaves it out.
   */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access({ workspaceRole: 'editor' })
  @ReturnsNothing()
  remove(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('program', z.uuid()) programId: string,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<void> {
    return this.milestones.remove({ workspaceId: workspace.id, programId }, actor, id);
  }
}
