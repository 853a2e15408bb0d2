import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type HealthResponse,
  healthResponseSchema,
  type ReadinessResponse,
  readinessResponseSchema,
} from '@bearing/contracts';
import { Access } from '../access/access.decorator.js';
import { HealthService } from './health.service.js';
import { Fails, Returns } from '../common/openapi/openapi.decorators.js';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** Liveness: the process is up. Public so load balancers can probe it. */
  @Get('health')
  @Access('public')
  @Returns(healthResponseSchema, { description: 'The process answers.' })
  liveness(): HealthResponse {
    return this.health.liveness();
  }

  /** Readiness: the database answers and every migration is applied; 503 otherwise. */
  @Get('ready')
  @Access('public')
  @Returns(readinessResponseSchema, { description: 'Database reachable and migrations applied.' })
  @Fails(503, 'not-ready')
  readiness(): Promise<ReadinessResponse> {
    return this.health.readiness();
  }
}
