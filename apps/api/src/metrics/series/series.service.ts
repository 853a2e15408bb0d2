import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  SERIES_MAX_POINTS,
  type SeriesQuery,
  type SeriesResponse,
  seriesRangeOf,
  XMR_ANALYSIS_POINTS,
} from '@bearing/contracts';
import { DataSource } from 'typeorm';
import { ProblemException } from '../../common/problem/problem.js';
import { readMetricSeries } from '../metric-point.repository.js';
import { analyseValues, xmrStatus } from '../xmr/metric-xmr.js';
import { bucketPoints, chooseBucket } from './series-buckets.js';
import { seriesXmr } from './series-xmr.js';

/**
 * A metric's points over a range, bucketed when long, with their XmR chart and the metric's XmR
 * status — the analysis of its latest values that its list row and portfolio tile show too.
 */
@Injectable()
export class SeriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async series(workspaceId: string, key: string, query: SeriesQuery): Promise<SeriesResponse> {
    const { from, to } = seriesRangeOf(query);
    const read = await readMetricSeries(
      this.dataSource.manager,
      { workspaceId, key },
      {
        from: from === undefined ? null : new Date(from).toISOString(),
        to: to === undefined ? null : new Date(to).toISOString(),
      },
      XMR_ANALYSIS_POINTS,
    );
    if (!read) throw ProblemException.notFound(`There is no metric "${key}" here.`);
    const { stored } = read;
    const analysis = analyseValues(read.latest);
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
