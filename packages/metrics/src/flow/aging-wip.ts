import { type Day, dayToEpochDay } from '../days/index.js';
import { compileWorkflow } from './compiled-workflow.js';
import type { ElapsedDaysOptions } from './cycle-time.js';
import { NO_DAY, scanEntryDays } from './entry-epoch-days.js';
import { resolveTimeZone } from './time-zone.js';
import type { WorkItemHistory, Workflow } from './types.js';

/** One in-progress item of the aging WIP chart. */
export type AgingItem = { id: string; stage: string; ageDays: number };

/**
 * Aging work in progress (ActionableAgile's Aging Work in Progress chart): the items committed
 * and not done as of the end of `asOf`, in input order, each with
 * - `ageDays` = `asOf` − committed day (`inclusive: true` adds 1, ActionableAgile's count);
 * - `stage` = the furthest stage entered (after backward moves, where the item is now).
 *
 * History after `asOf` is ignored and items created after it are left out, so a past `asOf`
 * shows the chart as it was that day.
 *
 * @example
 * // committed 2024-01-03, now in Review
 * agingWip([item], workflow, '2024-01-10') // [{ id: 'A-2', stage: 'Review', ageDays: 7 }]
 */
export function agingWip(
  items: readonly WorkItemHistory[],
  workflow: Workflow,
  asOf: Day,
  options?: ElapsedDaysOptions,
): AgingItem[] {
  const compiled = compileWorkflow(workflow);
  const asOfDay = dayToEpochDay(asOf, 'asOf');
  const timeZone = resolveTimeZone(options);
  const extraDay = options?.inclusive === true ? 1 : 0;
  const { entryDays, stageNames } = compiled;
  const aging: AgingItem[] = [];
  for (const item of items) {
    if (scanEntryDays(item, compiled, timeZone, entryDays, asOfDay) === NO_DAY) continue;
    const committedDay = entryDays[compiled.committed] as number;
    if (committedDay === NO_DAY || entryDays[compiled.done] !== NO_DAY) continue;
    let furthest = compiled.committed;
    while (furthest + 1 < stageNames.length && entryDays[furthest + 1] !== NO_DAY) furthest++;
    aging.push({
      id: item.id,
      stage: stageNames[furthest] as string,
      ageDays: asOfDay - committedDay + extraDay,
    });
  }
  return aging;
}
