import { Controller, Get, HttpCode, HttpStatus, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type Notification,
  type NotificationPage,
  notificationPageSchema,
  type NotificationPreferences,
  notificationPreferencesSchema,
  type NotificationQuery,
  notificationQuerySchema,
  notificationSchema,
  type ReadAllNotificationsResponse,
  readAllNotificationsResponseSchema,
  type UpdateNotificationPreferencesRequest,
  updateNotificationPreferencesRequestSchema,
  type UpdateNotificationRequest,
  updateNotificationRequestSchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { CallerUser } from '../access/caller.js';
import { CurrentUser } from '../access/current.decorators.js';
import { Returns } from '../common/openapi/openapi.decorators.js';
import { ZodBody, ZodParam, ZodQuery } from '../common/validation/zod.pipe.js';
import { InboxService } from './inbox.service.js';
import { PreferencesService } from './preferences.service.js';

/** The signed-in user's inbox and notification preferences. */
@ApiTags('notifications')
@Controller('me')
export class MyNotificationsController {
  constructor(
    private readonly inbox: InboxService,
    private readonly preferences: PreferencesService,
  ) {}

  /** Newest first, across workspaces; `unreadCount` is the bell's number. */
  @Get('notifications')
  @Access('signed-in')
  @Returns(notificationPageSchema)
  list(
    @CurrentUser() user: CallerUser,
    @ZodQuery(notificationQuerySchema) query: NotificationQuery,
  ): Promise<NotificationPage> {
    return this.inbox.list(user.id, query);
  }

  @Post('notifications/read-all')
  @HttpCode(HttpStatus.OK)
  @Access('signed-in')
  @Returns(readAllNotificationsResponseSchema)
  readAll(@CurrentUser() user: CallerUser): Promise<ReadAllNotificationsResponse> {
    return this.inbox.readAll(user.id);
  }

  /** `{read: true}` marks it read, `{read: false}` unread again. */
  @Patch('notifications/:id')
  @Access('signed-in')
  @Returns(notificationSchema)
  markRead(
    @CurrentUser() user: CallerUser,
    @ZodParam('id', z.uuid()) id: string,
    @ZodBody(updateNotificationRequestSchema) body: UpdateNotificationRequest,
  ): Promise<Notification> {
    return this.inbox.markRead(user.id, id, body.read);
  }

  @Get('notification-preferences')
  @Access('signed-in')
  @Returns(notificationPreferencesSchema)
  getPreferences(@CurrentUser() user: CallerUser): Promise<NotificationPreferences> {
    return this.preferences.get(user.id);
  }

  /** The events given replace their settings; `digest` when given. */
  @Put('notification-preferences')
  @Access('signed-in')
  @Returns(notificationPreferencesSchema)
  putPreferences(
    @CurrentUser() user: CallerUser,
    @ZodBody(updateNotificationPreferencesRequestSchema) body: UpdateNotificationPreferencesRequest,
  ): Promise<NotificationPreferences> {
    return this.preferences.update(user.id, body);
  }
}
