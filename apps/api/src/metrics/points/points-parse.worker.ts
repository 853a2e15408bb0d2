// Runs on a thread of the worker pool (common/worker-pool): reading and checking a points
// upload, up to 200,000 rows, would otherwise hold the HTTP thread for seconds.
import { createReadStream } from 'node:fs';
import {
  METRIC_POINTS_MAX_PER_UPLOAD,
  metricPointSchema,
  multiMetricPointSchema,
  PROBLEMS_MAX_LISTED,
} from '@bearing/contracts';
import { poolTask } from '../../common/worker-pool/pool-task.js';
import { readPointsCsv } from './points-csv.js';
import { readPointsJson } from './points-json.js';
import { PointsCollector, type PointsReadOutcome } from './points-reading.js';

export type PointsUploadToRead = {
  /** The upload, streamed to a temporary file by the route (points-body-parser.ts). */
  path: string;
  format: 'csv' | 'json';
  /**
   * The workspace's metric keys when the upload names its metrics (`metric,timestamp,value`);
   * absent for the points of one metric (`timestamp,value`).
   */
  knownMetrics?: string[];
  /** The latest moment a point may be at, ISO-8601 UTC (the API's clock: a day from now). */
  notAfter?: string;
};

/**
 * Reads a points upload from its file, streamed, and checks every row — stopping at row
 * 200,001 or at the 101st problem, whichever comes first.
 */
export const readPointsUpload = poolTask(async function readPointsUpload(
  upload: PointsUploadToRead,
): Promise<PointsReadOutcome> {
  const collector = new PointsCollector(
    { rows: METRIC_POINTS_MAX_PER_UPLOAD, problems: PROBLEMS_MAX_LISTED },
    upload.knownMetrics && new Set(upload.knownMetrics),
    upload.notAfter,
  );
  const named = upload.knownMetrics !== undefined;
  if (upload.format === 'csv') {
    await readPointsCsv(
      createReadStream(upload.path),
      named ? ['metric', 'timestamp', 'value'] : ['timestamp', 'value'],
      collector,
    );
  } else {
    await readPointsJson(
      createReadStream(upload.path, { encoding: 'utf8' }),
      named ? multiMetricPointSchema : metricPointSchema,
      collector,
    );
  }
  return collector.outcome();
});
