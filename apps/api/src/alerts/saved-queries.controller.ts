import { Controller, Delete, Get, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type SavedQuery,
  type SavedQueryInput,
  savedQueryInputSchema,
  savedQueryListSchema,
  savedQuerySchema,
  type UpdateSavedQueryRequest,
  updateSavedQueryRequestSchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../access/current.decorators.js';
import { Fails, Returns, ReturnsNothing } from '../common/openapi/openapi.decorators.js';
import { ZodBody, ZodParam } from '../common/validation/zod.pipe.js';
import { SavedQueriesService } from './saved-queries.service.js';

/** Saved queries: members read them, editors write them. */
@ApiTags('queries')
@Controller('workspaces/:workspace/saved-queries')
export class SavedQueriesController {
  constructor(private readonly savedQueries: SavedQueriesService) {}

  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(savedQueryListSchema)
  async list(@CurrentWorkspace() workspace: WorkspaceContext): Promise<{ items: SavedQuery[] }> {
    return { items: await this.savedQueries.list(workspace.id) };
  }

  /** → 201; the query must be valid. */
  @Post()
  @Access({ workspaceRole: 'editor' })
  @Returns(savedQuerySchema)
  create(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodBody(savedQueryInputSchema) body: SavedQueryInput,
  ): Promise<SavedQuery> {
    return this.savedQueries.create(workspace.id, body, actor);
  }

  /** Replaces its name and text; the query must be valid, and a stale `version` is a 409. */
  @Put(':id')
  @Access({ workspaceRole: 'editor' })
  @Returns(savedQuerySchema)
  @Fails(409, 'stale-version')
  update(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('id', z.uuid()) id: string,
    @ZodBody(updateSavedQueryRequestSchema) body: UpdateSavedQueryRequest,
  ): Promise<SavedQuery> {
    return this.savedQueries.update(workspace.id, id, body, actor);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access({ workspaceRole: 'editor' })
  @ReturnsNothing()
  remove(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<void> {
    return this.savedQueries.remove(workspace.id, id, actor);
  }
}
