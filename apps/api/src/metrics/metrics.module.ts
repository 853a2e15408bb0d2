import { Module } from '@nestjs/common';
import { MetricChanges } from './metric-changes.service.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsService } from './metrics.service.js';
import { PointsController } from './points/points.controller.js';
import { PointsService } from './points/points.service.js';
import { SeriesService } from './series/series.service.js';
import { MetricSignalsService } from './signals/metric-signals.service.js';

/**
 * Metrics (KPIs): definitions, points pushed or uploaded, series with XmR analysis, and the
 * metric-signal read model.
 */
@Module({
  controllers: [MetricsController, PointsController],
  providers: [MetricsService, PointsService, SeriesService, MetricChanges, MetricSignalsService],
  exports: [MetricChanges],
})
export class MetricsModule {}
