import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AgingQuery,
  agingQuerySchema,
  type AgingWipResponse,
  agingWipSchema,
  type CumulativeFlowResponse,
  cumulativeFlowSchema,
  type CycleTimesResponse,
  cycleTimesSchema,
  type DayRangeQuery,
  dayRangeQuerySchema,
  teamRefSchema,
  type ThroughputQuery,
  throughputQuerySchema,
  type ThroughputResponse,
  throughputSchema,
  type WipResponse,
  wipSchema,
} from '@bearing/contracts';
import { Access } from '../access/access.decorator.js';
import type { WorkspaceContext } from '../access/caller.js';
import { CurrentWorkspace } from '../access/current.decorators.js';
import { ZodParam, ZodQuery } from '../common/validation/zod.pipe.js';
import { FlowService } from './flow.service.js';
import { Returns } from '../common/openapi/openapi.decorators.js';

/** Flow metrics of a team (packages/metrics: cycle time, throughput, CFD, WIP, aging WIP). */
@ApiTags('flow')
@Controller('workspaces/:workspace/teams/:team/flow')
export class FlowController {
  constructor(private readonly flow: FlowService) {}

  /** `dayRangeQuerySchema` → `cycleTimesSchema`. */
  @Get('cycle-times')
  @Access({ workspaceRole: 'viewer' })
  @Returns(cycleTimesSchema)
  cycleTimes(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodQuery(dayRangeQuerySchema) query: DayRangeQuery,
  ): Promise<CycleTimesResponse> {
    return this.flow.cycleTimes(workspace.id, team, query);
  }

  /** `throughputQuerySchema` → `throughputSchema`. */
  @Get('throughput')
  @Access({ workspaceRole: 'viewer' })
  @Returns(throughputSchema)
  throughput(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodQuery(throughputQuerySchema) query: ThroughputQuery,
  ): Promise<ThroughputResponse> {
    return this.flow.throughput(workspace.id, team, query);
  }

  /** `dayRangeQuerySchema` → `cumulativeFlowSchema`. */
  @Get('cfd')
  @Access({ workspaceRole: 'viewer' })
  @Returns(cumulativeFlowSchema)
  cumulativeFlow(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodQuery(dayRangeQuerySchema) query: DayRangeQuery,
  ): Promise<CumulativeFlowResponse> {
    return this.flow.cumulativeFlow(workspace.id, team, query);
  }

  /** `dayRangeQuerySchema` → `wipSchema`. */
  @Get('wip')
  @Access({ workspaceRole: 'viewer' })
  @Returns(wipSchema)
  wip(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodQuery(dayRangeQuerySchema) query: DayRangeQuery,
  ): Promise<WipResponse> {
    return this.flow.wip(workspace.id, team, query);
  }

  /** `agingQuerySchema` → `agingWipSchema`. */
  @Get('aging')
  @Access({ workspaceRole: 'viewer' })
  @Returns(agingWipSchema)
  aging(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
    @ZodQuery(agingQuerySchema) query: AgingQuery,
  ): Promise<AgingWipResponse> {
    return this.flow.aging(workspace.id, team, query);
  }
}
