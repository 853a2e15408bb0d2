import { Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreateTeamRequest,
  createTeamRequestSchema,
  type PageQuery,
  pageQuerySchema,
  type Team,
  type TeamPage,
  teamPageSchema,
  teamRefSchema,
  teamSchema,
  type UpdateTeamRequest,
  updateTeamRequestSchema,
} from '@bearing/contracts';
import { Access } from '../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../access/current.decorators.js';
import { ZodBody, ZodParam, ZodQuery } from '../common/validation/zod.pipe.js';
import { TeamsService } from './teams.service.js';
import { Fails, Returns, ReturnsNothing } from '../common/openapi/openapi.decorators.js';

@ApiTags('teams')
@Controller('workspaces/:workspace/teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  /** `pageQuerySchema` → `teamPageSchema`, by slug. */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(teamPageSchema)
  list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodQuery(pageQuerySchema) page: PageQuery,
  ): Promise<TeamPage> {
    return this.teams.list(workspace.id, page);
  }

  /** `createTeamRequestSchema` → `teamSchema`; a taken slug is a 409. */
  @Post()
  @Access({ workspaceRole: 'editor' })
  @Returns(teamSchema)
  @Fails(409, 'slug-taken')
  create(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodBody(createTeamRequestSchema) body: CreateTeamRequest,
  ): Promise<Team> {
    return this.teams.create(workspace.id, actor, body);
  }

  /** → `teamSchema`; `:team` is the id or the slug. */
  @Get(':team')
  @Access({ workspaceRole: 'viewer' })
  @Returns(teamSchema)
  get(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
  ): Promise<Team> {
    return this.teams.get(workspace.id, team);
  }

  /** `updateTeamRequestSchema` → `teamSchema`; a stale `version` is a 409. */
  @Patch(':team')
  @Access({ workspaceRole: 'editor' })
  @Returns(teamSchema)
  @Fails(409, 'stale-version', 'slug-taken')
  update(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodBody(updateTeamRequestSchema) body: UpdateTeamRequest,
  ): Promise<Team> {
    return this.teams.update(workspace.id, actor, team, body);
  }

  /**
   * Deletes the team and everything recorded for it; 409 `team-has-dependencies` while an open
   * program dependency names it.
   */
  @Delete(':team')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access({ workspaceRole: 'admin' })
  @ReturnsNothing()
  @Fails(409, 'team-has-dependencies')
  remove(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('team', teamRefSchema) team: string,
  ): Promise<void> {
    return this.teams.remove(workspace.id, actor, team);
  }
}
