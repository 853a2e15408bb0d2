import type { CycleTimesResponse } from '@bearing/contracts';
import { dayTime } from './day-time';

export interface CycleTimePoint {
  /** Epoch milliseconds of the done day. */
  time: number;
  doneDay: string;
  cycleTime: number;
  key: string;
}

/**
 * The finished items that have a cycle time, as scatter points. Items without one (never
 * seen in the committed stage, e.g. imported without history) have nothing to plot; the API
 * counts those over all finished items, sampled or not, and that count is shown next to the chart.
 */
export function cycleTimePoints(response: CycleTimesResponse): {
  points: CycleTimePoint[];
  withoutCycleTime: number;
} {
  const points: CycleTimePoint[] = [];
  for (const [key, doneDay, cycleTime] of response.points) {
    if (cycleTime === null) continue;
    points.push({ time: dayTime(doneDay), doneDay, cycleTime, key });
  }
  return { points, withoutCycleTime: response.withoutCycleTime };
}
