import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type FlowSpanResponse, flowSpanSchema, teamRefSchema } from '@bearing/contracts';
import { Access } from '../access/access.decorator.js';
import type { WorkspaceContext } from '../access/caller.js';
import { CurrentWorkspace } from '../access/current.decorators.js';
import { ZodParam } from '../common/validation/zod.pipe.js';
import { Returns } from '../common/openapi/openapi.decorators.js';
import { FlowSpanService } from './flow-span.service.js';

/** The days a team's flow data covers (`GET …/flow/span`). */
@ApiTags('flow')
@Controller('workspaces/:workspace/teams/:team/flow')
export class FlowSpanController {
  constructor(private readonly flowSpan: FlowSpanService) {}

  /** Any member of the workspace may read it, as every flow chart. → `flowSpanSchema`. */
  @Get('span')
  @Access({ workspaceRole: 'viewer' })
  @Returns(flowSpanSchema)
  span(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('team', teamRefSchema) team: string,
  ): Promise<FlowSpanResponse> {
    return this.flowSpan.span(workspace.id, team);
  }
}
