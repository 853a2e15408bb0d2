import { Module } from '@nestjs/common';
import { MetricChanges } from './metric-changes.service.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsService } from './metrics.service.js';
import { PointsController } from './points/points.controller.js';
import { PointsService } from './points/points.service.js';
import { SeriesService } from './series/series.service.js';

/** Metrics (KPIs): definitions, points pushed or uploaded, and series with XmR analysis. */
@Module({
  controllers: [MetricsController, PointsController],
  providers: [MetricsService, PointsService, SeriesService, MetricChanges],
  exports: [MetricChanges],
})
export class MetricsModule {}
