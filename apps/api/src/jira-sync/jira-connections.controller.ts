import { Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreateJiraConnectionRequest,
  createJiraConnectionRequestSchema,
  type JiraConnection,
  type JiraConnectionPage,
  jiraConnectionPageSchema,
  jiraConnectionSchema,
  type JiraConnectionTestResult,
  jiraConnectionTestResultSchema,
  type JiraFieldList,
  jiraFieldListSchema,
  type PageQuery,
  pageQuerySchema,
  type UpdateJiraConnectionRequest,
  updateJiraConnectionRequestSchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../access/current.decorators.js';
import { Fails, Returns, ReturnsNothing } from '../common/openapi/openapi.decorators.js';
import { ZodBody, ZodParam, ZodQuery } from '../common/validation/zod.pipe.js';
import { JiraConnectionsService } from './jira-connections.service.js';

const connectionIdSchema = z.uuid();

/** A workspace's Jira connections: everyone may see them (never a token), admins manage them. */
@ApiTags('jira')
@Controller('workspaces/:workspace/jira-connections')
export class JiraConnectionsController {
  constructor(private readonly connections: JiraConnectionsService) {}

  /** `pageQuerySchema` → `jiraConnectionPageSchema`, by name; no secrets. */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(jiraConnectionPageSchema)
  list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodQuery(pageQuerySchema) page: PageQuery,
  ): Promise<JiraConnectionPage> {
    return this.connections.list(workspace.id, page);
  }

  /** `createJiraConnectionRequestSchema` → 201 `jiraConnectionSchema` (`hasSecret`, never the token). */
  @Post()
  @Access({ workspaceRole: 'admin' })
  @Returns(jiraConnectionSchema)
  create(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodBody(createJiraConnectionRequestSchema) body: CreateJiraConnectionRequest,
  ): Promise<JiraConnection> {
    return this.connections.create(workspace.id, actor, body);
  }

  @Get(':id')
  @Access({ workspaceRole: 'viewer' })
  @Returns(jiraConnectionSchema)
  get(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('id', connectionIdSchema) id: string,
  ): Promise<JiraConnection> {
    return this.connections.get(workspace.id, id);
  }

  /**
   * `updateJiraConnectionRequestSchema`; without `secret` the stored token stays — a change of
   * address, flavour or email without it is a 400 naming `secret`.
   */
  @Patch(':id')
  @Access({ workspaceRole: 'admin' })
  @Returns(jiraConnectionSchema)
  update(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('id', connectionIdSchema) id: string,
    @ZodBody(updateJiraConnectionRequestSchema) body: UpdateJiraConnectionRequest,
  ): Promise<JiraConnection> {
    return this.connections.update(workspace.id, actor, id, body);
  }

  /** 409 `connection-in-use` while a team's source uses it; its detail names the teams. */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access({ workspaceRole: 'admin' })
  @ReturnsNothing()
  @Fails(409, 'connection-in-use')
  remove(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('id', connectionIdSchema) id: string,
  ): Promise<void> {
    return this.connections.remove(workspace.id, actor, id);
  }

  /** Calls Jira: 200 with the account and server version, or what is wrong in words. */
  @Post(':id/test')
  @HttpCode(HttpStatus.OK)
  @Access({ workspaceRole: 'admin' })
  @Returns(jiraConnectionTestResultSchema)
  test(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('id', connectionIdSchema) id: string,
  ): Promise<JiraConnectionTestResult> {
    return this.connections.test(workspace.id, id);
  }

  /** The fields Jira lists (to pick the story-points field); 502 when Jira cannot be read. */
  @Get(':id/fields')
  @Access({ workspaceRole: 'editor' })
  @Returns(jiraFieldListSchema)
  @Fails(502, 'jira-unavailable')
  fields(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('id', connectionIdSchema) id: string,
  ): Promise<JiraFieldList> {
    return this.connections.fields(workspace.id, id);
  }
}
