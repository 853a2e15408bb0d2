import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  SERIES_MAX_POINTS,
  type SeriesQuery,
  type SeriesResponse,
  seriesRangeOf,
} from '@bearing/contracts';
import { xmr } from '@bearing/metrics';
import { DataSource } from 'typeorm';
import { findMetricByKey } from '../metric-lookup.js';
import { bucketPoints, chooseBucket, type StoredPoint } from './series-buckets.js';

/** A metric's points over a range, bucketed when long, with their XmR analysis. */
@Injectable()
export class SeriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async series(workspaceId: string, key: string, query: SeriesQuery): Promise<SeriesResponse> {
    const metric = await findMetricByKey(this.dataSource.manager, workspaceId, key);
    const { from, to } = seriesRangeOf(query);
    // Raw rows rather than entities: a long range can hold many thousands of points.
    const stored: StoredPoint[] = await this.dataSource.query(
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
    );
    const bucket = chooseBucket(stored, SERIES_MAX_POINTS);
    const points = bucketPoints(stored, bucket);
    // Limits and signals of what is shown: the (bucketed) values, oldest first.
    const chart = xmr(points.map(({ value }) => value));
    return {
      bucket,
      points,
      xmr: chart && {
        mean: chart.mean,
        averageMovingRange: chart.averageMovingRange,
        upperLimit: chart.upperLimit,
        lowerLimit: chart.lowerLimit,
        upperRangeLimit: chart.upperRangeLimit,
        movingRanges: chart.movingRanges,
        signals: chart.signals,
      },
    };
  }
}
