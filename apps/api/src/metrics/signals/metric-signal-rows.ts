import { xmrPointReadings } from '@bearing/metrics';
import type { MetricXmr } from '../xmr/metric-xmr.js';
import type { MetricSignalRow } from './metric-signal.repository.js';

/**
 * The read model's rows of one metric: a row per analysed value (its latest
 * `XMR_ANALYSIS_POINTS`), read off the very analysis its page, list row and tile show
 * (`xmrPointReadings` of `@bearing/metrics`); none with fewer than two values, as the page
 * draws no chart then.
 */
export function metricSignalRows(
  metricId: string,
  { points, chart }: MetricXmr,
): MetricSignalRow[] {
  if (!chart) return [];
  return xmrPointReadings(chart).map((reading, index) => {
    const point = points[index];
    if (!point) throw new RangeError(`no analysed value at ${index}`);
    return {
      metricId,
      timestamp: point.timestamp,
      value: point.value,
      mean: reading.mean,
      lowerLimit: reading.lowerLimit,
      upperLimit: reading.upperLimit,
      signal: reading.rules.length > 0 ? reading.rules.join(', ') : null,
      run: reading.run,
    };
  });
}
