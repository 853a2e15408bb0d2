import type { CycleTimesResponse } from '@bearing/contracts';
import { dayTime } from './day-time';

export interface CycleTimePoint {
  /** Epoch milliseconds of the done day. */
  time: number;
  doneDay: string;
  cycleTime: number;
  key: string;
  title: string;
}

/**
 * The finished items that have a cycle time, as scatter points. Items without one (never
 * seen in the committed stage, e.g. imported without history) have nothing to plot; the
 * count of those is reported next to the chart.
 */
export function cycleTimePoints(response: CycleTimesResponse): {
  points: CycleTimePoint[];
  withoutCycleTime: number;
} {
  const points: CycleTimePoint[] = [];
  for (const item of response.items) {
    if (item.cycleTime === null) continue;
    points.push({
      time: dayTime(item.doneDay),
      doneDay: item.doneDay,
      cycleTime: item.cycleTime,
      key: item.key,
      title: item.title,
    });
  }
  return { points, withoutCycleTime: response.items.length - points.length };
}
