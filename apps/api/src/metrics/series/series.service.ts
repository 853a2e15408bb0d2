import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  SERIES_MAX_POINTS,
  type SeriesQuery,
  type SeriesResponse,
  seriesRangeOf,
} from '@bearing/contracts';
import { DataSource } from 'typeorm';
import { findMetricByKey } from '../metric.repository.js';
import { loadMetricXmr } from '../xmr/metric-xmr.repository.js';
import { xmrStatus } from '../xmr/metric-xmr.js';
import { bucketPoints, chooseBucket } from './series-buckets.js';
import { seriesXmr } from './series-xmr.js';
import { pointsInRange } from '../metric-point.repository.js';

/**
 * A metric's points over a range, bucketed when long, with their XmR chart and the metric's XmR
 * status — the analysis of its latest values that its list row and portfolio tile show too.
 */
@Injectable()
export class SeriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async series(workspaceId: string, key: string, query: SeriesQuery): Promise<SeriesResponse> {
    const metric = await findMetricByKey(this.dataSource.manager, workspaceId, key);
    const { from, to } = seriesRangeOf(query);
    // One snapshot for both reads, so the range and the analysed values agree under uploads.
    const { stored, analysis } = await this.dataSource.transaction(
      'REPEATABLE READ',
      async (manager) => ({
        stored: await pointsInRange(
          manager,
          { workspaceId, metricId: metric.id },
          {
            from: from === undefined ? null : new Date(from).toISOString(),
            to: to === undefined ? null : new Date(to).toISOString(),
          },
        ),
        analysis: (await loadMetricXmr(manager, workspaceId, [metric.id])).get(metric.id)!,
      }),
    );
    const bucket = chooseBucket(stored, SERIES_MAX_POINTS);
    const points = bucketPoints(stored, bucket);
    return {
      bucket,
      points,
      xmr: seriesXmr(points, bucket, analysis),
      status: xmrStatus(analysis),
    };
  }
}
