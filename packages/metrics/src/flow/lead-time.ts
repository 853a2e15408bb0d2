import { compileWorkflow } from './compiled-workflow.js';
import type { ElapsedDaysOptions } from './cycle-time.js';
import { NO_DAY, scanEntryDays } from './entry-epoch-days.js';
import { resolveTimeZone } from './time-zone.js';
import type { WorkItemHistory, Workflow } from './types.js';

/**
 * Lead time in whole days: done day − the day of `createdAt`, as the metrics specification
 * defines it; the start is ActionableAgile's (Vacanti, "Actionable Agile Metrics for
 * Predictability": lead time starts when the item is requested, i.e. created). The done day
 * follows the `stageEntryDays` rules of jira-agile-metrics `cycletime.py`, which itself has no
 * lead time: its `cycle_time` runs from the committed column to done, like `cycleTime`. `null`
 * when the item is not done. `inclusive: true` adds 1 like `cycleTime`.
 *
 * @example
 * // created 2024-01-01T09:00Z, done 2024-01-08T16:00Z
 * leadTime(item, workflow) // 7
 */
export function leadTime(
  item: WorkItemHistory,
  workflow: Workflow,
  options?: ElapsedDaysOptions,
): number | null {
  const compiled = compileWorkflow(workflow);
  const { entryDays } = compiled;
  const createdDay = scanEntryDays(item, compiled, resolveTimeZone(options), entryDays);
  const doneDay = entryDays[compiled.done] as number;
  if (doneDay === NO_DAY) return null;
  return doneDay - createdDay + (options?.inclusive === true ? 1 : 0);
}
