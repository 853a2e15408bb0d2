import { Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreateRaidItemRequest,
  createRaidItemRequestSchema,
  type RaidItemDetail,
  raidItemDetailSchema,
  type RaidItemPage,
  raidItemPageSchema,
  type RaidListQuery,
  raidListQuerySchema,
  type UpdateRaidItemRequest,
  updateRaidItemRequestSchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../../access/current.decorators.js';
import { ZodBody, ZodParam, ZodQuery } from '../../common/validation/zod.pipe.js';
import { RaidService } from './raid.service.js';
import { Fails, Returns } from '../../common/openapi/openapi.decorators.js';

@ApiTags('raid')
@Controller('workspaces/:workspace/programs/:program/raid')
export class RaidController {
  constructor(private readonly raid: RaidService) {}

  /** `raidListQuerySchema` → `raidItemPageSchema`, oldest first. */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(raidItemPageSchema)
  list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('program', z.uuid()) programId: string,
    @ZodQuery(raidListQuerySchema) query: RaidListQuery,
  ): Promise<RaidItemPage> {
    return this.raid.list({ workspaceId: workspace.id, programId }, query);
  }

  /** `createRaidItemRequestSchema` → `raidItemDetailSchema`. */
  @Post()
  @Access({ workspaceRole: 'editor' })
  @Returns(raidItemDetailSchema)
  create(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('program', z.uuid()) programId: string,
    @ZodBody(createRaidItemRequestSchema) body: CreateRaidItemRequest,
  ): Promise<RaidItemDetail> {
    return this.raid.create({ workspaceId: workspace.id, programId }, actor, body);
  }

  /** → `raidItemDetailSchema`: the item and its history. */
  @Get(':id')
  @Access({ workspaceRole: 'viewer' })
  @Returns(raidItemDetailSchema)
  get(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('program', z.uuid()) programId: string,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<RaidItemDetail> {
    return this.raid.get({ workspaceId: workspace.id, programId }, id);
  }

  /** `updateRaidItemRequestSchema` → `raidItemDetailSchema`; a stale `version` is a 409. */
  @Patch(':id')
  @Access({ workspaceRole: 'editor' })
  @Returns(raidItemDetailSchema)
  @Fails(409, 'stale-version')
  update(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('program', z.uuid()) programId: string,
    @ZodParam('id', z.uuid()) id: string,
    @ZodBody(updateRaidItemRequestSchema) body: UpdateRaidItemRequest,
  ): Promise<RaidItemDetail> {
    return this.raid.update({ workspaceId: workspace.id, programId }, actor, id, body);
  }
}
