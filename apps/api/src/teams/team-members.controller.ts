import { Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreateTeamMemberRequest,
  createTeamMemberRequestSchema,
  type PageQuery,
  pageQuerySchema,
  type TeamMember,
  type TeamMemberPage,
  teamMemberPageSchema,
  teamMemberSchema,
  teamRefSchema,
  type UpdateTeamMemberRequest,
  updateTeamMemberRequestSchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../access/current.decorators.js';
import { ZodBody, ZodParam, ZodQuery } from '../common/validation/zod.pipe.js';
import { TeamMembersService } from './team-members.service.js';
import { Fails, Returns, ReturnsNothing } from '../common/openapi/openapi.decorators.js';

/** A team's members as capacity (name and default allocation), not as performers. */
@ApiTags('teams')
@Controller('workspaces/:workspace/teams/:team/members')
export class TeamMembersController {
  constructor(private readonly members: TeamMembersService) {}

  /** `pageQuerySchema` → `teamMemberPageSchema`, by display name. */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(teamMemberPageSchema)
  list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodQuery(pageQuerySchema) page: PageQuery,
  ): Promise<TeamMemberPage> {
    return this.members.list(workspace.id, team, page);
  }

  /** `createTeamMemberRequestSchema` → `teamMemberSchema`. */
  @Post()
  @Access({ workspaceRole: 'editor' })
  @Returns(teamMemberSchema)
  add(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodBody(createTeamMemberRequestSchema) body: CreateTeamMemberRequest,
  ): Promise<TeamMember> {
    return this.members.add(workspace.id, actor, team, body);
  }

  /** `updateTeamMemberRequestSchema` → `teamMemberSchema`; a stale `version` is a 409. */
  @Patch(':member')
  @Access({ workspaceRole: 'editor' })
  @Returns(teamMemberSchema)
  @Fails(409, 'stale-version')
  update(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodParam('member', z.uuid()) member: string,
    @ZodBody(updateTeamMemberRequestSchema) body: UpdateTeamMemberRequest,
  ): Promise<TeamMember> {
    return this.members.update(workspace.id, actor, team, member, body);
  }

  @Delete(':member')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access({ workspaceRole: 'editor' })
  @ReturnsNothing()
  remove(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodParam('member', z.uuid()) member: string,
  ): Promise<void> {
    return this.members.remove(workspace.id, actor, team, member);
  }
}
