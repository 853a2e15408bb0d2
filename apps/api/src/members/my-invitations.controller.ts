import { Controller, Delete, Get, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type MyInvitationList,
  myInvitationListSchema,
  type Workspace,
  workspaceSchema,
} from '@bearing/contracts';
import type { Request } from 'express';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { CallerUser } from '../access/caller.js';
import { CurrentUser } from '../access/current.decorators.js';
import { Returns, ReturnsNothing } from '../common/openapi/openapi.decorators.js';
import { ZodParam } from '../common/validation/zod.pipe.js';
import { MyInvitationsService } from './my-invitations.service.js';

/**
 * The signed-in user's invitations to workspaces: they join only by accepting. Each route
 * reaches only invitations to the caller's own email (anyone else's is a 404).
 */
@ApiTags('account')
@Controller('me/invitations')
export class MyInvitationsController {
  constructor(private readonly invitations: MyInvitationsService) {}

  /** `myInvitationListSchema`: the open invitations to the caller's email. */
  @Get()
  @Access('signed-in')
  @Returns(myInvitationListSchema)
  list(@CurrentUser() user: CallerUser): Promise<MyInvitationList> {
    return this.invitations.list(user);
  }

  /** Joins the workspace with the invitation's role; answers that `workspaceSchema`. */
  @Post(':id/accept')
  @HttpCode(HttpStatus.OK)
  @Access('signed-in')
  @Returns(workspaceSchema, { description: 'Joined: the workspace, with the role given.' })
  accept(
    @CurrentUser() user: CallerUser,
    @ZodParam('id', z.uuid()) id: string,
    @Req() request: Request,
  ): Promise<Workspace> {
    return this.invitations.accept(id, user, requestIdOf(request));
  }

  /** Declines (and removes) the invitation; the workspace's audit log records it. */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access('signed-in')
  @ReturnsNothing()
  decline(
    @CurrentUser() user: CallerUser,
    @ZodParam('id', z.uuid()) id: string,
    @Req() request: Request,
  ): Promise<void> {
    return this.invitations.decline(id, user, requestIdOf(request));
  }
}

function requestIdOf(request: Request): string | null {
  return typeof request.id === 'string' ? request.id : null;
}
