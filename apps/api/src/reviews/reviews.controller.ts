import { Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type ReviewListQuery,
  reviewListQuerySchema,
  type ReviewOverview,
  reviewOverviewSchema,
  type ReviewSettings,
  reviewSettingsSchema,
  type UpdateReviewSettingsRequest,
  updateReviewSettingsRequestSchema,
} from '@bearing/contracts';
import { Access } from '../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../access/current.decorators.js';
import { ZodBody, ZodQuery } from '../common/validation/zod.pipe.js';
import { ReviewsService } from './reviews.service.js';
import { Fails, Returns } from '../common/openapi/openapi.decorators.js';

@ApiTags('reviews')
@Controller('workspaces/:workspace/reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  /** `reviewListQuerySchema` → `reviewOverviewSchema`: the week's programs and report states. */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(reviewOverviewSchema)
  overview(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodQuery(reviewListQuerySchema) query: ReviewListQuery,
  ): Promise<ReviewOverview> {
    return this.reviews.overview(workspace.id, query);
  }

  /** → `reviewSettingsSchema`. */
  @Get('settings')
  @Access({ workspaceRole: 'viewer' })
  @Returns(reviewSettingsSchema)
  settings(@CurrentWorkspace() workspace: WorkspaceContext): Promise<ReviewSettings> {
    return this.reviews.settings(workspace.id);
  }

  /** `updateReviewSettingsRequestSchema` → `reviewSettingsSchema`; a stale `version` is a 409. */
  @Put('settings')
  @Access({ workspaceRole: 'admin' })
  @Returns(reviewSettingsSchema)
  @Fails(409, 'stale-version')
  updateSettings(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodBody(updateReviewSettingsRequestSchema) body: UpdateReviewSettingsRequest,
  ): Promise<ReviewSettings> {
    return this.reviews.updateSettings(workspace.id, actor, body);
  }
}
