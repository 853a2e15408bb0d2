import { compileWorkflow } from './compiled-workflow.js';
import { NO_DAY, scanEntryDays } from './entry-epoch-days.js';
import { resolveTimeZone } from './time-zone.js';
import type { FlowOptions, WorkItemHistory, Workflow } from './types.js';

/** Options of `cycleTime` and `leadTime`. */
export type ElapsedDaysOptions = FlowOptions & {
  /** Count both the first and the last day (ActionableAgile); default `false`. */
  inclusive?: boolean;
};

/**
 * Cycle time in whole days: done day − committed day, using `stageEntryDays` (so a skipped
 * committed stage takes the day of the next stage entered). `null` when either day is missing
 * (never committed, or not done).
 *
 * Default (`inclusive: false`) is jira-agile-metrics' `cycle_time` (same-day = 0).
 * `inclusive: true` adds 1, ActionableAgile's convention (Vacanti, "Actionable Agile Metrics for
 * Predictability": an item started and finished on the same day took 1 day).
 *
 * @example
 * // committed 2024-01-03, done 2024-01-08
 * cycleTime(item, workflow) // 5
 * cycleTime(item, workflow, { inclusive: true }) // 6
 */
export function cycleTime(
  item: WorkItemHistory,
  workflow: Workflow,
  options?: ElapsedDaysOptions,
): number | null {
  const compiled = compileWorkflow(workflow);
  const { entryDays } = compiled;
  scanEntryDays(item, compiled, resolveTimeZone(options), entryDays);
  const committedDay = entryDays[compiled.committed] as number;
  const doneDay = entryDays[compiled.done] as number;
  if (committedDay === NO_DAY || doneDay === NO_DAY) return null;
  return doneDay - committedDay + (options?.inclusive === true ? 1 : 0);
}
