import { Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type NotificationDelivery,
  type NotificationDeliveryPage,
  notificationDeliveryPageSchema,
  type NotificationDeliveryQuery,
  notificationDeliveryQuerySchema,
  notificationDeliverySchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { WorkspaceContext } from '../access/caller.js';
import { CurrentWorkspace } from '../access/current.decorators.js';
import { Fails, Returns } from '../common/openapi/openapi.decorators.js';
import { ZodParam, ZodQuery } from '../common/validation/zod.pipe.js';
import { DeliveriesService } from './deliveries.service.js';

/** The workspace's delivery log and manual retry (admins). */
@ApiTags('notifications')
@Controller('workspaces/:workspace/notification-deliveries')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  /** `?state=pending|sent|retrying|dead`, newest first. */
  @Get()
  @Access({ workspaceRole: 'admin' })
  @Returns(notificationDeliveryPageSchema)
  list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodQuery(notificationDeliveryQuerySchema) query: NotificationDeliveryQuery,
  ): Promise<NotificationDeliveryPage> {
    return this.deliveries.list(workspace.id, query);
  }

  /**
   * Sends a dead or retrying delivery again now; answers it after the attempt. 409 when it was
   * already sent, or while a worker is sending it.
   */
  @Post(':id/retry')
  @HttpCode(HttpStatus.OK)
  @Access({ workspaceRole: 'admin' })
  @Returns(notificationDeliverySchema)
  @Fails(409, 'already-sent', 'being-sent')
  retry(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<NotificationDelivery> {
    return this.deliveries.retry(workspace.id, id);
  }
}
