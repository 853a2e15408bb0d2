import { Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type Alert, alertListQuerySchema, alertListSchema, alertSchema } from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../access/current.decorators.js';
import { Fails, Returns } from '../common/openapi/openapi.decorators.js';
import { ZodParam, ZodQuery } from '../common/validation/zod.pipe.js';
import { AlertsService } from './alerts.service.js';

/** Alerts of the workspace's rules: firing first. */
@ApiTags('alerts')
@Controller('workspaces/:workspace/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(alertListSchema)
  async list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodQuery(alertListQuerySchema) query: z.infer<typeof alertListQuerySchema>,
  ): Promise<{ items: Alert[] }> {
    return { items: await this.alerts.list(workspace.id, query.state) };
  }

  /** A firing alert becomes acknowledged; a resolved one is a 409. */
  @Post(':id/acknowledge')
  @HttpCode(HttpStatus.OK)
  @Access({ workspaceRole: 'editor' })
  @Returns(alertSchema)
  @Fails(409, 'alert-resolved')
  acknowledge(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<Alert> {
    return this.alerts.acknowledge(workspace.id, id, actor);
  }
}
