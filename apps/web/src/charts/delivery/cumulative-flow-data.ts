import type { CumulativeFlowResponse } from '@bearing/contracts';
import { dayTime } from './day-time';

export interface CumulativeFlowRow {
  day: string;
  time: number;
  /** Items that had reached each stage (or a later one) by the end of the day. */
  counts: Record<string, number>;
}

export interface CumulativeFlowChartData {
  /** Workflow order: the first stage is the backlog, the last is done. */
  stages: string[];
  rows: CumulativeFlowRow[];
}

/**
 * The CFD as the chart draws it. The API's counts are already cumulative (a stage's count
 * includes every later stage), so each stage's area is drawn from zero to its count, first
 * stage first: each later, smaller area covers the bottom of the one before, and the visible
 * band of a stage is exactly the items sitting in it. A stage missing on a day counts 0.
 */
export function cumulativeFlowChartData(cfd: CumulativeFlowResponse): CumulativeFlowChartData {
  return {
    stages: cfd.stages,
    rows: cfd.days.map((day) => ({
      day: day.day,
      time: dayTime(day.day),
      counts: Object.fromEntries(cfd.stages.map((stage) => [stage, day.counts[stage] ?? 0])),
    })),
  };
}
