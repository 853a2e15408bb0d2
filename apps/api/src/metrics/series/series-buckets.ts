import type { SeriesBucket, SeriesPoint } from '@bearing/contracts';
import { mean } from '@bearing/metrics';

export type StoredPoint = { timestamp: Date; value: number };

type BucketUnit = Exclude<SeriesBucket, 'none'>;

/** Coarser and coarser UTC calendar buckets, tried in this order. */
const UNITS: readonly BucketUnit[] = ['hour', 'day', 'week', 'month', 'quarter', 'year'];

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
/** 1970-01-01 was a Thursday: shifting by 3 days makes week numbers start on Mondays. */
const MONDAY_SHIFT_MS = 3 * MS_PER_DAY;

/**
 * The number of the `unit` bucket (counted from 1970 in UTC) that holds `epochMs`; consecutive
 * buckets have consecutive numbers, so a span covers `last − first + 1` buckets.
 */
export function bucketNumber(epochMs: number, unit: BucketUnit): number {
  const date = new Date(epochMs);
  const months = (date.getUTCFullYear() - 1970) * 12 + date.getUTCMonth();
  switch (unit) {
    case 'hour':
      return Math.floor(epochMs / MS_PER_HOUR);
    case 'day':
      return Math.floor(epochMs / MS_PER_DAY);
    case 'week':
      return Math.floor((epochMs + MONDAY_SHIFT_MS) / (7 * MS_PER_DAY));
    case 'month':
      return months;
    case 'quarter':
      return Math.floor(months / 3);
    case 'year':
      return date.getUTCFullYear() - 1970;
  }
}

/** The first moment (UTC) of bucket number `bucket` of `unit`. */
export function bucketStart(bucket: number, unit: BucketUnit): Date {
  switch (unit) {
    case 'hour':
      return new Date(bucket * MS_PER_HOUR);
    case 'day':
      return new Date(bucket * MS_PER_DAY);
    case 'week':
      return new Date(bucket * 7 * MS_PER_DAY - MONDAY_SHIFT_MS);
    case 'month':
      return new Date(Date.UTC(1970, bucket, 1));
    case 'quarter':
      return new Date(Date.UTC(1970, bucket * 3, 1));
    case 'year':
      return new Date(Date.UTC(1970 + bucket, 0, 1));
  }
}

/**
 * The bucketing rule of `seriesBucketSchema`: no bucketing while the points fit in `maxPoints`;
 * else the finest unit whose buckets between the first and the last point number at most
 * `maxPoints` (a year bucket always does for any range Postgres can store in practice).
 */
export function chooseBucket(points: readonly StoredPoint[], maxPoints: number): SeriesBucket {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last || points.length <= maxPoints) return 'none';
  const firstMs = first.timestamp.getTime();
  const lastMs = last.timestamp.getTime();
  return (
    UNITS.find(
      (unit) => bucketNumber(lastMs, unit) - bucketNumber(firstMs, unit) + 1 <= maxPoints,
    ) ?? 'year'
  );
}

/**
 * Points in time order, grouped by `bucket`: each non-empty bucket becomes one point at the
 * bucket's start whose value is the `mean` (from `@bearing/metrics`) of the values it holds.
 */
export function bucketPoints(points: readonly StoredPoint[], bucket: SeriesBucket): SeriesPoint[] {
  if (bucket === 'none') {
    return points.map(({ timestamp, value }) => ({
      timestamp: timestamp.toISOString(),
      value,
      count: 1,
    }));
  }
  const groups: { bucket: number; values: number[] }[] = [];
  for (const { timestamp, value } of points) {
    const number = bucketNumber(timestamp.getTime(), bucket);
    const current = groups.at(-1);
    if (current?.bucket === number) current.values.push(value);
    else groups.push({ bucket: number, values: [value] });
  }
  return groups.map(({ bucket: number, values }) => ({
    timestamp: bucketStart(number, bucket).toISOString(),
    value: mean(values) ?? 0,
    count: values.length,
  }));
}
