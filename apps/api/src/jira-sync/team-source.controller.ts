import { Controller, Delete, Get, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type JiraSource,
  jiraSourceSchema,
  type PageQuery,
  pageQuerySchema,
  type PutJiraSourceRequest,
  putJiraSourceRequestSchema,
  type SyncRun,
  type SyncRunPage,
  syncRunPageSchema,
  syncRunSchema,
  teamRefSchema,
} from '@bearing/contracts';
import { Access } from '../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../access/current.decorators.js';
import { Fails, Returns, ReturnsNothing } from '../common/openapi/openapi.decorators.js';
import { ZodBody, ZodParam, ZodQuery } from '../common/validation/zod.pipe.js';
import { TeamSourceService } from './team-source.service.js';

/** A team's Jira source and its syncs: everyone may see them, editors configure and sync. */
@ApiTags('jira')
@Controller('workspaces/:workspace/teams/:team/source')
export class TeamSourceController {
  constructor(private readonly sources: TeamSourceService) {}

  /** → `jiraSourceSchema`; 404 when the team has none. */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(jiraSourceSchema)
  get(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
  ): Promise<JiraSource> {
    return this.sources.get(workspace.id, team);
  }

  /**
   * `putJiraSourceRequestSchema` → 200 `jiraSourceSchema`: creates or replaces the source (its
   * `webhookUrl` only on creation). Maps the statuses into the team's workflow. 409
   * `stale-version` when `version` was sent and someone else saved or removed the source since.
   */
  @Put()
  @HttpCode(HttpStatus.OK)
  @Access({ workspaceRole: 'editor' })
  @Returns(jiraSourceSchema)
  @Fails(409, 'stale-version')
  put(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodBody(putJiraSourceRequestSchema) body: PutJiraSourceRequest,
  ): Promise<JiraSource> {
    return this.sources.put(workspace.id, actor, team, body);
  }

  /** Stops syncing; the team's items stay. */
  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access({ workspaceRole: 'editor' })
  @ReturnsNothing()
  remove(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('team', teamRefSchema) team: string,
  ): Promise<void> {
    return this.sources.remove(workspace.id, actor, team);
  }

  /** The source's syncs, newest first. */
  @Get('runs')
  @Access({ workspaceRole: 'viewer' })
  @Returns(syncRunPageSchema)
  runs(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodQuery(pageQuerySchema) page: PageQuery,
  ): Promise<SyncRunPage> {
    return this.sources.runs(workspace.id, team, page);
  }

  /** "Sync now": 202 with the queued run (or the one already queued or running). */
  @Post('sync')
  @HttpCode(HttpStatus.ACCEPTED)
  @Access({ workspaceRole: 'editor' })
  @Returns(syncRunSchema)
  sync(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
  ): Promise<SyncRun> {
    return this.sources.syncNow(workspace.id, team);
  }
}
