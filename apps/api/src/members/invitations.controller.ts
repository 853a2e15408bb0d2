import { Controller, Delete, Get, HttpCode, HttpStatus } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type WorkspaceInvitationList, workspaceInvitationListSchema } from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../access/current.decorators.js';
import { Fails, Returns, ReturnsNothing } from '../common/openapi/openapi.decorators.js';
import { ZodParam } from '../common/validation/zod.pipe.js';
import { MembersService } from './members.service.js';

/**
 * A workspace's pending invitations, for its admins: who is invited and by whom, and taking an
 * invitation back. Inviting is `POST …/members`.
 */
@ApiTags('members')
@Controller('workspaces/:workspace/invitations')
export class InvitationsController {
  constructor(private readonly members: MembersService) {}

  /** `workspaceInvitationListSchema`: the open invitations, soonest to expire first. */
  @Get()
  @Access({ workspaceRole: 'admin' })
  @Returns(workspaceInvitationListSchema)
  list(@CurrentWorkspace() workspace: WorkspaceContext): Promise<WorkspaceInvitationList> {
    return this.members.listInvitations(workspace.id);
  }

  /** Revokes an open invitation: its link stops working at once; audited. */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access({ workspaceRole: 'admin' })
  @ReturnsNothing()
  @Fails(404, 'not-found')
  revoke(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<void> {
    return this.members.revokeInvitation(workspace.id, actor, id);
  }
}
