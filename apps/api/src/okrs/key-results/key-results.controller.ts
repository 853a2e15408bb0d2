import { Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreateKeyResultRequest,
  createKeyResultRequestSchema,
  type KeyResult,
  type KeyResultListQuery,
  keyResultListQuerySchema,
  type KeyResultPage,
  keyResultPageSchema,
  keyResultSchema,
  type UpdateKeyResultRequest,
  updateKeyResultRequestSchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../../access/current.decorators.js';
import { ZodBody, ZodParam, ZodQuery } from '../../common/validation/zod.pipe.js';
import { KeyResultsService } from './key-results.service.js';
import { Fails, Returns, ReturnsNothing } from '../../common/openapi/openapi.decorators.js';

@ApiTags('okrs')
@Controller('workspaces/:workspace/key-results')
export class KeyResultsController {
  constructor(private readonly keyResults: KeyResultsService) {}

  /** `keyResultListQuerySchema` → `keyResultPageSchema`, oldest first. */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(keyResultPageSchema)
  list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodQuery(keyResultListQuerySchema) query: KeyResultListQuery,
  ): Promise<KeyResultPage> {
    return this.keyResults.list(workspace.id, query);
  }

  /** `createKeyResultRequestSchema` → `keyResultSchema`. */
  @Post()
  @Access({ workspaceRole: 'editor' })
  @Returns(keyResultSchema)
  create(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodBody(createKeyResultRequestSchema) body: CreateKeyResultRequest,
  ): Promise<KeyResult> {
    return this.keyResults.create(workspace.id, actor, body);
  }

  /** → `keyResultSchema`. */
  @Get(':id')
  @Access({ workspaceRole: 'viewer' })
  @Returns(keyResultSchema)
  get(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<KeyResult> {
    return this.keyResults.get(workspace.id, id);
  }

  /** `updateKeyResultRequestSchema` → `keyResultSchema`; a stale `version` is a 409. */
  @Patch(':id')
  @Access({ workspaceRole: 'editor' })
  @Returns(keyResultSchema)
  @Fails(409, 'stale-version')
  update(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('id', z.uuid()) id: string,
    @ZodBody(updateKeyResultRequestSchema) body: UpdateKeyResultRequest,
  ): Promise<KeyResult> {
    return this.keyResults.update(workspace.id, actor, id, body);
  }

  /**
   * → 204; its check-ins go with it and its objective's numbers come from its other key results.
   * A key result of a closed or cancelled objective is a 400 at `objective.status`; another
   * workspace's, 404.
   */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access({ workspaceRole: 'editor' })
  @ReturnsNothing()
  remove(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<void> {
    return this.keyResults.remove(workspace.id, actor, id);
  }
}
