import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type SprintBurndownResponse,
  sprintBurndownSchema,
  type SprintReportQuery,
  sprintReportQuerySchema,
  type SprintSummaryResponse,
  sprintSummarySchema,
  teamRefSchema,
  type VelocityQuery,
  velocityQuerySchema,
  type VelocityResponse,
  velocitySchema,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { WorkspaceContext } from '../access/caller.js';
import { CurrentWorkspace } from '../access/current.decorators.js';
import { ZodParam, ZodQuery } from '../common/validation/zod.pipe.js';
import { SprintReportsService } from './sprint-reports.service.js';
import { Fails, Returns } from '../common/openapi/openapi.decorators.js';

/** Sprint metrics of a team (packages/metrics: burndown, sprint summary, velocity). */
@ApiTags('sprints')
@Controller('workspaces/:workspace/teams/:team')
export class SprintReportsController {
  constructor(private readonly reports: SprintReportsService) {}

  /** `sprintReportQuerySchema` → `sprintBurndownSchema`; a sprint without dates is a 409. */
  @Get('sprints/:sprint/burndown')
  @Access({ workspaceRole: 'viewer' })
  @Returns(sprintBurndownSchema)
  @Fails(409, 'sprint-undated', 'sprint-dates')
  burndown(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodParam('sprint', z.uuid()) sprint: string,
    @ZodQuery(sprintReportQuerySchema) query: SprintReportQuery,
  ): Promise<SprintBurndownResponse> {
    return this.reports.burndown(workspace.id, team, sprint, query);
  }

  /** `sprintReportQuerySchema` → `sprintSummarySchema`. */
  @Get('sprints/:sprint/summary')
  @Access({ workspaceRole: 'viewer' })
  @Returns(sprintSummarySchema)
  @Fails(409, 'sprint-undated', 'sprint-dates')
  summary(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodParam('sprint', z.uuid()) sprint: string,
    @ZodQuery(sprintReportQuerySchema) query: SprintReportQuery,
  ): Promise<SprintSummaryResponse> {
    return this.reports.summary(workspace.id, team, sprint, query);
  }

  /** `velocityQuerySchema` → `velocitySchema`. */
  @Get('velocity')
  @Access({ workspaceRole: 'viewer' })
  @Returns(velocitySchema)
  @Fails(409, 'sprint-dates')
  velocity(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodQuery(velocityQuerySchema) query: VelocityQuery,
  ): Promise<VelocityResponse> {
    return this.reports.velocity(workspace.id, team, query);
  }
}
