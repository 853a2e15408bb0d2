import { Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreateNotificationChannelRequest,
  createNotificationChannelRequestSchema,
  type NotificationChannel,
  type NotificationChannelList,
  notificationChannelListSchema,
  notificationChannelSchema,
  type NotificationChannelTestResult,
  notificationChannelTestResultSchema,
  type UpdateNotificationChannelRequest,
  updateNotificationChannelRequestSchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../access/current.decorators.js';
import { Returns, ReturnsNothing } from '../common/openapi/openapi.decorators.js';
import { ZodBody, ZodParam } from '../common/validation/zod.pipe.js';
import { ChannelsService } from './channels.service.js';

/** A workspace's Slack, Teams and email channels for alert events (admins). */
@ApiTags('notifications')
@Controller('workspaces/:workspace/notification-channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  /** Oldest first; `emailEnabled` false when SMTP is not configured. */
  @Get()
  @Access({ workspaceRole: 'admin' })
  @Returns(notificationChannelListSchema)
  list(@CurrentWorkspace() workspace: WorkspaceContext): Promise<NotificationChannelList> {
    return this.channels.list(workspace.id);
  }

  /** `{name, kind, url}`: the URL is sealed and never shown again (`hasSecret: true`). */
  @Post()
  @Access({ workspaceRole: 'admin' })
  @Returns(notificationChannelSchema)
  create(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodBody(createNotificationChannelRequestSchema) body: CreateNotificationChannelRequest,
  ): Promise<NotificationChannel> {
    return this.channels.create(workspace.id, actor, body);
  }

  /** A new name and/or URL; a new URL clears `broken`. */
  @Patch(':id')
  @Access({ workspaceRole: 'admin' })
  @Returns(notificationChannelSchema)
  update(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('id', z.uuid()) id: string,
    @ZodBody(updateNotificationChannelRequestSchema) body: UpdateNotificationChannelRequest,
  ): Promise<NotificationChannel> {
    return this.channels.update(workspace.id, actor, id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access({ workspaceRole: 'admin' })
  @ReturnsNothing()
  remove(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<void> {
    return this.channels.remove(workspace.id, actor, id);
  }

  /**
   * Sends a test message now; `ok` false with the reason when it did not arrive. One that
   * arrives marks a broken channel working again.
   */
  @Post(':id/test')
  @HttpCode(HttpStatus.OK)
  @Access({ workspaceRole: 'admin' })
  @Returns(notificationChannelTestResultSchema)
  test(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('id', z.uuid()) id: string,
  ): Promise<NotificationChannelTestResult> {
    return this.channels.test(workspace.id, actor, id);
  }
}
