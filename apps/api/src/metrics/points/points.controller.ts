import { Controller, Delete, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type DeleteMetricPointsQuery,
  deleteMetricPointsQuerySchema,
  metricKeySchema,
  type MetricPointsDeleted,
  metricPointsDeletedSchema,
  type MetricPointsImport,
  metricPointsImportSchema,
  metricPointsRequestSchema,
  multiMetricPointsRequestSchema,
} from '@bearing/contracts';
import { Access } from '../../access/access.decorator.js';
import type { Actor, WorkspaceContext } from '../../access/caller.js';
import { CurrentActor, CurrentWorkspace } from '../../access/current.decorators.js';
import { ZodParam, ZodQuery } from '../../common/validation/zod.pipe.js';
import { type PointsUpload, PointsUploadBody } from './points-upload.js';
import { PointsService } from './points.service.js';
import { Accepts, Fails, Returns } from '../../common/openapi/openapi.decorators.js';

/**
 * Where warehouses, CI jobs and people push metric values. Editors — and API tokens with the
 * write scope, which act as editors — may push. Bodies up to 20 MB (points-body-parser.ts).
 */
@ApiTags('metrics')
@Controller('workspaces/:workspace')
export class PointsController {
  constructor(private readonly points: PointsService) {}

  /** `metricPointsRequestSchema` or CSV `timestamp,value` → `metricPointsImportSchema`. */
  @Post('metrics/:key/points')
  @HttpCode(HttpStatus.OK)
  @Access({ workspaceRole: 'editor' })
  @Accepts('application/json', metricPointsRequestSchema, 'The points, as JSON.')
  @Accepts('text/csv', 'Lines of `timestamp,value`, after a header line.')
  @Returns(metricPointsImportSchema)
  @Fails(413, 'upload-too-large', 'too-many-rows')
  @Fails(409, 'metric-archived')
  @Fails(415, 'unsupported-media-type')
  @Fails(503, 'busy')
  importForMetric(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('key', metricKeySchema) key: string,
    @PointsUploadBody() upload: PointsUpload,
  ): Promise<MetricPointsImport> {
    return this.points.importForMetric(workspace.id, actor, key, upload);
  }

  /**
   * `deleteMetricPointsQuerySchema` → `metricPointsDeletedSchema`: removes one point, or the
   * points of a range, of the metric — a wrong value pushed, or one at a wrong moment.
   */
  @Delete('metrics/:key/points')
  @Access({ workspaceRole: 'editor' })
  @Returns(metricPointsDeletedSchema)
  deletePoints(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @ZodParam('key', metricKeySchema) key: string,
    @ZodQuery(deleteMetricPointsQuerySchema) query: DeleteMetricPointsQuery,
  ): Promise<MetricPointsDeleted> {
    return this.points.deletePoints(workspace.id, actor, key, query);
  }

  /** `multiMetricPointsRequestSchema` or CSV `metric,timestamp,value` → `metricPointsImportSchema`. */
  @Post('metric-points')
  @HttpCode(HttpStatus.OK)
  @Access({ workspaceRole: 'editor' })
  @Accepts(
    'application/json',
    multiMetricPointsRequestSchema,
    'The points of several metrics, as JSON.',
  )
  @Accepts('text/csv', 'Lines of `metric,timestamp,value`, after a header line.')
  @Returns(metricPointsImportSchema)
  @Fails(413, 'upload-too-large', 'too-many-rows')
  @Fails(409, 'metric-archived')
  @Fails(415, 'unsupported-media-type')
  @Fails(503, 'busy')
  importForMetrics(
    @CurrentWorkspace() workspace: WorkspaceContext,
    @CurrentActor() actor: Actor,
    @PointsUploadBody() upload: PointsUpload,
  ): Promise<MetricPointsImport> {
    return this.points.importForMetrics(workspace.id, actor, upload);
  }
}
