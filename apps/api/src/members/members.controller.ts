import { Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AddMemberRequest,
  addMemberRequestSchema,
  type AddMemberResponse,
  addMemberResponseSchema,
  type Member,
  type MemberPage,
  memberPageSchema,
  memberSchema,
  type PageQuery,
  pageQuerySchema,
  type UpdateMemberRequest,
  updateMemberRequestSchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { Actor, Caller, CallerUser, WorkspaceContext } from '../access/caller.js';
import {
  CurrentActor,
  CurrentCaller,
  CurrentUser,
  CurrentWorkspace,
} from '../access/current.decorators.js';
import { ProblemException } from '../common/problem/problem.js';
import { ZodBody, ZodParam, ZodQuery } from '../common/validation/zod.pipe.js';
import { MembersService } from './members.service.js';
import { Fails, Returns, ReturnsNothing } from '../common/openapi/openapi.decorators.js';

@ApiTags('members')
@Controller('workspaces/:workspace/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  /** `pageQuerySchema` → `memberPageSchema`, by email. */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(memberPageSchema)
  list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodQuery(pageQuerySchema) page: PageQuery,
  ): Promise<MemberPage> {
    return this.members.list(workspace.id, page);
  }

  /**
   * `addMemberRequestSchema` → `addMemberResponseSchema`: always an invitation, the same answer
   * whether the email has an account or not. An initial `password` is for instance admins only
   * (403 for anyone else).
   */
  @Post()
  @Access({ workspaceRole: 'admin' })
  @Returns(addMemberResponseSchema)
  @Fails(409, 'member-exists')
  add(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @CurrentUser() user: CallerUser,
    @ZodBody(addMemberRequestSchema) body: AddMemberRequest,
  ): Promise<AddMemberResponse> {
    return this.members.add(workspace.id, actor, user, body);
  }

  /** `updateMemberRequestSchema` → `memberSchema`; a stale `version` is a 409. */
  @Patch(':userId')
  @Access({ workspaceRole: 'admin' })
  @Returns(memberSchema)
  @Fails(409, 'stale-version', 'last-admin')
  changeRole(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('userId', z.uuid()) userId: string,
    @ZodBody(updateMemberRequestSchema) body: UpdateMemberRequest,
  ): Promise<Member> {
    return this.members.changeRole(workspace.id, actor, userId, body);
  }

  /**
   * The caller leaves the workspace (never its last admin who can sign in); their API tokens
   * here are revoked. Declared before `:userId`, which it would otherwise match. A browser
   * session only: an API token, even one that may write, cannot take its owner out.
   */
  @Delete('me')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access({ workspaceRole: 'viewer' })
  @ReturnsNothing()
  @Fails(409, 'last-admin')
  leave(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    if (caller.kind === 'token') {
      throw ProblemException.forbidden(
        'Leaving a workspace needs a browser session: an API token cannot do it.',
      );
    }
    return this.members.leave(workspace.id, actor);
  }

  /** Removes the member (never the last admin) and revokes their tokens here. */
  @Delete(':userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access({ workspaceRole: 'admin' })
  @ReturnsNothing()
  @Fails(409, 'last-admin')
  remove(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('userId', z.uuid()) userId: string,
  ): Promise<void> {
    return this.members.remove(workspace.id, actor, userId);
  }
}
