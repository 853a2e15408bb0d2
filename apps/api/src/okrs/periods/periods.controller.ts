import { Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreatePeriodRequest,
  createPeriodRequestSchema,
  type PageQuery,
  pageQuerySchema,
  type Period,
  type PeriodPage,
  periodPageSchema,
  periodSchema,
  type UpdatePeriodRequest,
  updatePeriodRequestSchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../../access/current.decorators.js';
import { ZodBody, ZodParam, ZodQuery } from '../../common/validation/zod.pipe.js';
import { PeriodsService } from './periods.service.js';
import { Fails, Returns } from '../../common/openapi/openapi.decorators.js';

@ApiTags('okrs')
@Controller('workspaces/:workspace/periods')
export class PeriodsController {
  constructor(private readonly periods: PeriodsService) {}

  /** `pageQuerySchema` → `periodPageSchema`, latest start first. */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(periodPageSchema)
  list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodQuery(pageQuerySchema) page: PageQuery,
  ): Promise<PeriodPage> {
    return this.periods.list(workspace.id, page);
  }

  /** `createPeriodRequestSchema` → `periodSchema`. */
  @Post()
  @Access({ workspaceRole: 'editor' })
  @Returns(periodSchema)
  create(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodBody(createPeriodRequestSchema) body: CreatePeriodRequest,
  ): Promise<Period> {
    return this.periods.create(workspace.id, actor, body);
  }

  /** → `periodSchema`. */
  @Get(':id')
  @Access({ workspaceRole: 'viewer' })
  @Returns(periodSchema)
  get(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<Period> {
    return this.periods.get(workspace.id, id);
  }

  /** `updatePeriodRequestSchema` → `periodSchema`; a stale `version` is a 409. */
  @Patch(':id')
  @Access({ workspaceRole: 'editor' })
  @Returns(periodSchema)
  @Fails(409, 'stale-version')
  update(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('id', z.uuid()) id: string,
    @ZodBody(updatePeriodRequestSchema) body: UpdatePeriodRequest,
  ): Promise<Period> {
    return this.periods.update(workspace.id, actor, id, body);
  }
}
