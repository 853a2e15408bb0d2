import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  SERIES_MAX_POINTS,
  type SeriesQuery,
  type SeriesResponse,
  seriesRangeOf,
} from '@bearing/contracts';
import { DataSource } from 'typeorm';
import { findMetricByKey } from '../metric-lookup.js';
import { loadMetricXmr } from '../xmr/load-metric-xmr.js';
import { xmrStatus } from '../xmr/metric-xmr.js';
import { bucketPoints, chooseBucket, type StoredPoint } from './series-buckets.js';
import { seriesXmr } from './series-xmr.js';

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
        // Raw rows rather than entities: a long range can hold many thousands of points.
        stored: await manager.query<StoredPoint[]>(
          `SELECT "timestamp", "value" FROM "metric_point"
            WHERE "metric_id" = $1
              AND ($2::timestamptz IS NULL OR "timestamp" >= $2)
              AND ($3::timestamptz IS NULL OR "timestamp" <= $3)
            ORDER BY "timestamp"`,
          [
            metric.id,
            from === undefined ? null : new Date(from).toISOString(),
            to === undefined ? null : new Date(to).toISOString(),
          ],
        ),
        analysis: (await loadMetricXmr(manager, [metric.id])).get(metric.id)!,
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
