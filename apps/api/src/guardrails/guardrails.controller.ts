import { Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreateGuardrailRequest,
  createGuardrailRequestSchema,
  type Guardrail,
  type GuardrailListQuery,
  guardrailListQuerySchema,
  type GuardrailPage,
  guardrailPageSchema,
  guardrailSchema,
  type GuardrailStatusChangePage,
  guardrailStatusChangePageSchema,
  type PageQuery,
  pageQuerySchema,
  type UpdateGuardrailRequest,
  updateGuardrailRequestSchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../access/current.decorators.js';
import { ZodBody, ZodParam, ZodQuery } from '../common/validation/zod.pipe.js';
import { GuardrailsService } from './guardrails.service.js';
import { Fails, Returns, ReturnsNothing } from '../common/openapi/openapi.decorators.js';

@ApiTags('guardrails')
@Controller('workspaces/:workspace/guardrails')
export class GuardrailsController {
  constructor(private readonly guardrails: GuardrailsService) {}

  /** `guardrailListQuerySchema` → `guardrailPageSchema`, oldest first. */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(guardrailPageSchema)
  list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodQuery(guardrailListQuerySchema) query: GuardrailListQuery,
  ): Promise<GuardrailPage> {
    return this.guardrails.list(workspace.id, query);
  }

  /** `createGuardrailRequestSchema` → `guardrailSchema`. */
  @Post()
  @Access({ workspaceRole: 'editor' })
  @Returns(guardrailSchema)
  create(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodBody(createGuardrailRequestSchema) body: CreateGuardrailRequest,
  ): Promise<Guardrail> {
    return this.guardrails.create(workspace.id, actor, body);
  }

  /** → `guardrailSchema`. */
  @Get(':id')
  @Access({ workspaceRole: 'viewer' })
  @Returns(guardrailSchema)
  get(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<Guardrail> {
    return this.guardrails.get(workspace.id, id);
  }

  /** `updateGuardrailRequestSchema` → `guardrailSchema`; a stale `version` is a 409. */
  @Patch(':id')
  @Access({ workspaceRole: 'editor' })
  @Returns(guardrailSchema)
  @Fails(409, 'stale-version')
  update(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('id', z.uuid()) id: string,
    @ZodBody(updateGuardrailRequestSchema) body: UpdateGuardrailRequest,
  ): Promise<Guardrail> {
    return this.guardrails.update(workspace.id, actor, id, body);
  }

  /**
   * → 204; its history and program links go with it, and follows of it end. Another
   * workspace's guardrail is a 404.
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
    return this.guardrails.remove(workspace.id, actor, id);
  }

  /** `pageQuerySchema` → `guardrailStatusChangePageSchema`, newest first. */
  @Get(':id/history')
  @Access({ workspaceRole: 'viewer' })
  @Returns(guardrailStatusChangePageSchema)
  history(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('id', z.uuid()) id: string,
    @ZodQuery(pageQuerySchema) page: PageQuery,
  ): Promise<GuardrailStatusChangePage> {
    return this.guardrails.history(workspace.id, id, page);
  }
}
