import type { Day } from '../days/index.js';
import { compileWorkflow } from './compiled-workflow.js';
import { cumulativeCounts } from './cumulative-flow.js';
import { dayLabel } from './day-label.js';
import { epochDayRange } from './day-range.js';
import { resolveTimeZone } from './time-zone.js';
import type { DayRange, FlowOptions, WorkItemHistory, Workflow } from './types.js';

/** Work in progress at the end of one day. */
export type WipDay = { day: Day; count: number };

/**
 * Work in progress per day: CFD[committed] − CFD[done], the items that by the end of the day
 * had reached the committed stage but not the done stage (Little's law's L; Vacanti,
 * "Actionable Agile Metrics for Predictability", ch. 2 and 4). Never negative, because the
 * committed band of the CFD always contains the done band.
 *
 * @example
 * wip(items, workflow, { from: '2024-01-01', to: '2024-01-03' })
 * // [{ day: '2024-01-01', count: 1 }, { day: '2024-01-02', count: 2 }, { day: '2024-01-03', count: 1 }]
 */
export function wip(
  items: readonly WorkItemHistory[],
  workflow: Workflow,
  options: DayRange & FlowOptions,
): WipDay[] {
  const compiled = compileWorkflow(workflow);
  const { first, last } = epochDayRange(options);
  const stages = [compiled.committed, compiled.done];
  const counts = cumulativeCounts(items, compiled, resolveTimeZone(options), first, last, stages);
  const dayCount = last - first + 1;
  return Array.from({ length: dayCount }, (_, offset) => ({
    day: dayLabel(first + offset),
    count: (counts[offset] as number) - (counts[dayCount + offset] as number),
  }));
}
