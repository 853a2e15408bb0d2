import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CapacityQuery,
  capacityQuerySchema,
  type CapacityResponse,
  capacitySchema,
  type ForecastHowManyQuery,
  forecastHowManyQuerySchema,
  type ForecastHowManyResponse,
  forecastHowManySchema,
  type ForecastWhenQuery,
  forecastWhenQuerySchema,
  type ForecastWhenResponse,
  forecastWhenSchema,
  teamRefSchema,
} from '@bearing/contracts';
import { Access } from '../access/access.decorator.js';
import type { WorkspaceContext } from '../access/caller.js';
import { CurrentWorkspace } from '../access/current.decorators.js';
import { ZodParam, ZodQuery } from '../common/validation/zod.pipe.js';
import { PlanningService } from './planning.service.js';
import { Fails, Returns } from '../common/openapi/openapi.decorators.js';

/** Capacity planning and forecasts of a team (packages/metrics). */
@ApiTags('planning')
@Controller('workspaces/:workspace/teams/:team')
export class PlanningController {
  constructor(private readonly planning: PlanningService) {}

  /** `capacityQuerySchema` → `capacitySchema`. */
  @Get('capacity')
  @Access({ workspaceRole: 'viewer' })
  @Returns(capacitySchema)
  @Fails(409, 'sprint-dates')
  capacity(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodQuery(capacityQuerySchema) query: CapacityQuery,
  ): Promise<CapacityResponse> {
    return this.planning.capacity(workspace.id, team, query);
  }

  /** `forecastWhenQuerySchema` → `forecastWhenSchema`. */
  @Get('forecast/when')
  @Access({ workspaceRole: 'viewer' })
  @Returns(forecastWhenSchema)
  @Fails(409, 'sprint-dates')
  @Fails(503, 'busy')
  when(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodQuery(forecastWhenQuerySchema) query: ForecastWhenQuery,
  ): Promise<ForecastWhenResponse> {
    return this.planning.when(workspace.id, team, query);
  }

  /** `forecastHowManyQuerySchema` → `forecastHowManySchema`. */
  @Get('forecast/how-many')
  @Access({ workspaceRole: 'viewer' })
  @Returns(forecastHowManySchema)
  @Fails(409, 'sprint-dates')
  @Fails(503, 'busy')
  howMany(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodQuery(forecastHowManyQuerySchema) query: ForecastHowManyQuery,
  ): Promise<ForecastHowManyResponse> {
    return this.planning.howMany(workspace.id, team, query);
  }
}
