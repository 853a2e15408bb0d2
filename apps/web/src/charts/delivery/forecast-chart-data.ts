import type { ForecastWhenResult } from '@bearing/contracts';
import { addDays } from '../../components/format';

export interface ForecastBar {
  days: number;
  /** The day the trials of this bar finished on. */
  day: string;
  probability: number;
  /** The percentiles that fall on this bar, e.g. `['p85']`, to label it. */
  marks: ('p50' | 'p85' | 'p95')[];
}

/**
 * The "when" forecast's distribution as histogram bars: one per number of days, labelled with
 * the day it ends on and with the percentiles that land on it.
 */
export function forecastBars(forecast: ForecastWhenResult): ForecastBar[] {
  return forecast.distribution.map((bucket) => ({
    days: bucket.days,
    day: addDays(forecast.startDay, bucket.days),
    probability: bucket.probability,
    marks: (['p50', 'p85', 'p95'] as const).filter((label) => forecast[label] === bucket.days),
  }));
}
