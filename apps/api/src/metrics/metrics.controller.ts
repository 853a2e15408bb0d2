import { Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreateMetricRequest,
  createMetricRequestSchema,
  type Metric,
  metricKeySchema,
  type MetricListQuery,
  metricListQuerySchema,
  type MetricPage,
  metricPageSchema,
  metricSchema,
  type SeriesQuery,
  seriesQuerySchema,
  type SeriesResponse,
  seriesResponseSchema,
  type UpdateMetricRequest,
  updateMetricRequestSchema,
} from '@bearing/contracts';
import { Access } from '../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../access/current.decorators.js';
import { ZodBody, ZodParam, ZodQuery } from '../common/validation/zod.pipe.js';
import { MetricsService } from './metrics.service.js';
import { SeriesService } from './series/series.service.js';
import { Fails, Returns } from '../common/openapi/openapi.decorators.js';

@ApiTags('metrics')
@Controller('workspaces/:workspace/metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly seriesService: SeriesService,
  ) {}

  /** `metricListQuerySchema` → `metricPageSchema`, by key; each with its trend and XmR status. */
  @Get()
  @Access({ workspaceRole: 'viewer' })
  @Returns(metricPageSchema)
  list(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodQuery(metricListQuerySchema) query: MetricListQuery,
  ): Promise<MetricPage> {
    return this.metrics.list(workspace.id, query);
  }

  /** `createMetricRequestSchema` → `metricSchema`; a taken key is a 409. */
  @Post()
  @Access({ workspaceRole: 'editor' })
  @Returns(metricSchema)
  @Fails(409, 'metric-key-taken')
  create(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodBody(createMetricRequestSchema) body: CreateMetricRequest,
  ): Promise<Metric> {
    return this.metrics.create(workspace.id, actor, body);
  }

  /** → `metricSchema`. */
  @Get(':key')
  @Access({ workspaceRole: 'viewer' })
  @Returns(metricSchema)
  get(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('key', metricKeySchema) key: string,
  ): Promise<Metric> {
    return this.metrics.get(workspace.id, key);
  }

  /**
   * `updateMetricRequestSchema` → `metricSchema`; a stale `version` is a 409, and so is a new
   * `unit` while key results of active objectives follow the metric (`metric-unit-in-use`).
   */
  @Patch(':key')
  @Access({ workspaceRole: 'editor' })
  @Returns(metricSchema)
  @Fails(409, 'stale-version', 'metric-unit-in-use')
  update(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('key', metricKeySchema) key: string,
    @ZodBody(updateMetricRequestSchema) body: UpdateMetricRequest,
  ): Promise<Metric> {
    return this.metrics.update(workspace.id, actor, key, body);
  }

  /**
   * `seriesQuerySchema` → `seriesResponseSchema`: points (bucketed when long), their XmR chart
   * and the metric's XmR status.
   */
  @Get(':key/series')
  @Access({ workspaceRole: 'viewer' })
  @Returns(seriesResponseSchema)
  series(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @ZodParam('key', metricKeySchema) key: string,
    @ZodQuery(seriesQuerySchema) query: SeriesQuery,
  ): Promise<SeriesResponse> {
    return this.seriesService.series(workspace.id, key, query);
  }
}
