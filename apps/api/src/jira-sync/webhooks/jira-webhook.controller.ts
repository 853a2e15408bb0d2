import { Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type JiraWebhookReceipt, jiraWebhookReceiptSchema } from '@bearing/contracts';
import type { Request } from 'express';
import { z } from 'zod';
import { Access } from '../../access/access.decorator.js';
import { Accepts, Fails, Returns } from '../../common/openapi/openapi.decorators.js';
import { ZodParam } from '../../common/validation/zod.pipe.js';
import { JiraWebhooksService } from './jira-webhooks.service.js';

/** The address Jira's webhooks call; each team source has its own (shown once). */
@ApiTags('jira')
@Controller('hooks/jira')
export class JiraWebhookController {
  constructor(private readonly webhooks: JiraWebhooksService) {}

  /**
   * Jira's `jira:issue_*` and `sprint_*` events → 202: `queued` when a sync of the team follows
   * within seconds (events close together lead to one). Other events are taken and ignored.
   */
  @Post(':sourceId/:secret')
  @HttpCode(HttpStatus.ACCEPTED)
  @Access('webhook')
  @Accepts('application/json', 'The webhook body Jira sends (its `webhookEvent` is read).')
  @Returns(jiraWebhookReceiptSchema)
  @Fails(403, 'forbidden')
  receive(
    @ZodParam('sourceId', z.uuid()) sourceId: string,
    // The address's secret segment (base64url, 32 characters as Bearing makes them).
    @ZodParam('secret', z.string().min(1).max(200)) secret: string,
    @Req() request: Request,
  ): Promise<JiraWebhookReceipt> {
    return this.webhooks.receive({
      sourceId,
      secret,
      signature: request.get('x-hub-signature'),
      body: Buffer.isBuffer(request.body) ? request.body : undefined,
    });
  }
}
