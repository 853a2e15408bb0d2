import { Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CheckIn,
  type CheckInPage,
  checkInPageSchema,
  checkInSchema,
  type CreateCheckInRequest,
  createCheckInRequestSchema,
  type PageQuery,
  pageQuerySchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../../access/current.decorators.js';
import { ZodBody, ZodParam, ZodQuery } from '../../common/validation/zod.pipe.js';
import { CheckInsService } from './check-ins.service.js';
import { Returns } from '../../common/openapi/openapi.decorators.js';

/** A key result's check-ins: added, listed, never changed. */
@ApiTags('okrs')
@Controller('workspaces/:workspace/key-results/:id/check-ins')
export class CheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  /** `pageQuerySchema` → `checkInPageSchema`, latest first. */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(checkInPageSchema)
  list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('id', z.uuid()) keyResultId: string,
    @ZodQuery(pageQuerySchema) page: PageQuery,
  ): Promise<CheckInPage> {
    return this.checkIns.list(workspace.id, keyResultId, page);
  }

  /** `createCheckInRequestSchema` → `checkInSchema`. */
  @Post()
  @Access({ workspaceRole: 'editor' })
  @Returns(checkInSchema)
  create(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('id', z.uuid()) keyResultId: string,
    @ZodBody(createCheckInRequestSchema) body: CreateCheckInRequest,
  ): Promise<CheckIn> {
    return this.checkIns.create(workspace.id, actor, keyResultId, body);
  }
}
