import { Controller, Delete, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreateFollowRequest,
  createFollowRequestSchema,
  type Follow,
  type FollowList,
  followListSchema,
  followSchema,
  type FollowSubjectType,
  followSubjectTypeSchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { CallerUser, WorkspaceContext } from '../access/caller.js';
import { CurrentUser, CurrentWorkspace } from '../access/current.decorators.js';
import { Returns, ReturnsNothing } from '../common/openapi/openapi.decorators.js';
import { ZodBody, ZodParam } from '../common/validation/zod.pipe.js';
import { FollowsService } from './follows.service.js';

/** What the caller follows in the workspace; any member may follow. */
@ApiTags('notifications')
@Controller('workspaces/:workspace/follows')
export class FollowsController {
  constructor(private readonly follows: FollowsService) {}

  /** `{subject: {type, id}}` → 201; 404 naming the subject when the workspace has no such one. */
  @Post()
  @Access({ workspaceRole: 'viewer' })
  @Returns(followSchema)
  follow(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentUser() user: CallerUser,
    @ZodBody(createFollowRequestSchema) body: CreateFollowRequest,
  ): Promise<Follow> {
    return this.follows.follow(workspace.id, user.id, body.subject);
  }

  /** The caller's own follows in the workspace. */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(followListSchema)
  list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentUser() user: CallerUser,
  ): Promise<FollowList> {
    return this.follows.list(workspace.id, user.id);
  }

  @Delete(':type/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access({ workspaceRole: 'viewer' })
  @ReturnsNothing()
  unfollow(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentUser() user: CallerUser,
    @ZodParam('type', followSubjectTypeSchema) type: FollowSubjectType,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<void> {
    return this.follows.unfollow(workspace.id, user.id, { type, id });
  }
}
