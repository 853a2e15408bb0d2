import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { HealthResponse, ReadinessResponse } from '@bearing/contracts';
import { Access } from '../access/access.decorator.js';
import { HealthService } from './health.service.js';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Liveness: the process is up. Public so load balancers can probe it. */
  @Get('health')
  @Access('public')
  @ApiOkResponse({ description: 'The process answers.' })
  liveness(): HealthResponse {
    return this.health.liveness();
  }

  /** Readiness: the database answers and every migration is applied; 503 otherwise. */
  @Get('ready')
  @Access('public')
  @ApiOkResponse({ description: 'Database reachable and migrations applied.' })
  @ApiServiceUnavailableResponse({ description: 'Database unreachable or migrations pending.' })
  readiness(): Promise<ReadinessResponse> {
    return this.health.readiness();
  }
}
