import type { SeriesBucket, SeriesPoint, XmrAnalysis } from '@bearing/contracts';
import { analyseValues, chartOver, type MetricXmr } from '../xmr/metric-xmr.js';

/**
 * The XmR chart of a series response's points. When they are stored values that all lie among
 * the metric's analysed (latest) values, it is the metric's own analysis over them, so the chart
 * shows exactly the limits and signals its status, list row and tile come from (`basis:
 * 'metric'`). Bucketed means, or values older than the analysed ones, are analysed on their own
 * by the same rule (`basis: 'range'`).
 */
export function seriesXmr(
  points: readonly SeriesPoint[],
  bucket: SeriesBucket,
  metric: MetricXmr,
): XmrAnalysis | null {
  if (points.length < 2) return null;
  if (bucket === 'none') {
    const analysedIndex = new Map(
      metric.points.map(({ timestamp }, index) => [timestamp.getTime(), index]),
    );
    const first = analysedIndex.get(Date.parse(points[0]!.timestamp));
    const last = analysedIndex.get(Date.parse(points.at(-1)!.timestamp));
    // The analysed values are the metric's latest, consecutive in time, and so are the points:
    // when both ends are among them, every point in between is too, in the same order.
    if (first !== undefined && last !== undefined && last - first === points.length - 1) {
      return chartOver(metric, first, last, 'metric');
    }
  }
  const own = analyseValues(
    points.map(({ timestamp, value }) => ({ timestamp: new Date(timestamp), value })),
  );
  return chartOver(own, 0, points.length - 1, 'range');
}
