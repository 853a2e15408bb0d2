import { Controller, Get, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type JiraSource,
  jiraSourceSchema,
  type JiraWebhook,
  jiraWebhookSchema,
  type PutJiraWebhookRequest,
  putJiraWebhookRequestSchema,
  teamRefSchema,
} from '@bearing/contracts';
import { Access } from '../../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../../access/current.decorators.js';
import { Returns } from '../../common/openapi/openapi.decorators.js';
import { ZodBody, ZodParam } from '../../common/validation/zod.pipe.js';
import { JiraWebhooksService } from './jira-webhooks.service.js';

/** A team source's webhook: everyone may see whether it is signed; editors change it. */
@ApiTags('jira')
@Controller('workspaces/:workspace/teams/:team/source/webhook')
export class JiraWebhookSettingsController {
  constructor(private readonly webhooks: JiraWebhooksService) {}

  /** → `jiraWebhookSchema`; 404 when the team has no source. */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(jiraWebhookSchema)
  get(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
  ): Promise<JiraWebhook> {
    return this.webhooks.status(workspace.id, team);
  }

  /** `putJiraWebhookRequestSchema` → `jiraWebhookSchema`: the secret Jira signs with, or null. */
  @Put()
  @Access({ workspaceRole: 'editor' })
  @Returns(jiraWebhookSchema)
  put(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodBody(putJiraWebhookRequestSchema) body: PutJiraWebhookRequest,
  ): Promise<JiraWebhook> {
    return this.webhooks.setSigningSecret(workspace.id, actor, team, body.signingSecret);
  }

  /** → 200 `jiraSourceSchema` with the new `webhookUrl`, shown this once; the old one stops. */
  @Post('rotate')
  @HttpCode(HttpStatus.OK)
  @Access({ workspaceRole: 'editor' })
  @Returns(jiraSourceSchema)
  rotate(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('team', teamRefSchema) team: string,
  ): Promise<JiraSource> {
    return this.webhooks.rotate(workspace.id, actor, team);
  }
}
