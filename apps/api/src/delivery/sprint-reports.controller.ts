import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type SprintBurndownResponse,
  type SprintReportQuery,
  sprintReportQuerySchema,
  type SprintSummaryResponse,
  teamRefSchema,
  type VelocityQuery,
  velocityQuerySchema,
  type VelocityResponse,
} from '@bearing/contracts';
import { z } from 'zod';
import { Access } from '../access/access.decorator.js';
import type { WorkspaceContext } from '../access/caller.js';
import { CurrentWorkspace } from '../access/current.decorators.js';
import { ZodParam, ZodQuery } from '../common/validation/zod.pipe.js';
import { SprintReportsService } from './sprint-reports.service.js';

/** Sprint metrics of a team (packages/metrics: burndown, sprint summary, velocity). */
@ApiTags('sprints')
@Controller('workspaces/:workspace/teams/:team')
export class SprintReportsController {
  constructor(private readonly reports: SprintReportsService) {}

  /** `sprintReportQuerySchema` → `sprintBurndownSchema`; a sprint without dates is a 409. */
  @Get('sprints/:sprint/burndown')
  @Access({ workspaceRole: 'viewer' })
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
  velocity(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodQuery(velocityQuerySchema) query: VelocityQuery,
  ): Promise<VelocityResponse> {
    return this.reports.velocity(workspace.id, team, query);
  }
}
