import type { Day } from '../days/index.js';
import { type CompiledWorkflow, compileWorkflow, stageRecord } from './compiled-workflow.js';
import { dayLabel } from './day-label.js';
import { epochDayRange } from './day-range.js';
import { NO_DAY, scanEntryDays } from './entry-epoch-days.js';
import { resolveTimeZone } from './time-zone.js';
import type { DayRange, FlowOptions, WorkItemHistory, Workflow } from './types.js';

/** One day of the cumulative flow diagram. */
export type CumulativeFlowDay = { day: Day; counts: Record<string, number> };

/**
 * Cumulative flow diagram: for each day from `from` to `to`, per stage, the number of items that
 * by the end of that day had reached that stage or a later one — i.e. whose `stageEntryDays`
 * day for the stage is on or before that day. Skipped stages count as reached because
 * `stageEntryDays` back-fills them, so every day stage k ≥ stage k+1 and no count ever
 * decreases (jira-agile-metrics `cfd.py`; Vacanti, "Actionable Agile Metrics for
 * Predictability", ch. 4–5). Items that moved backwards count where their history ends.
 *
 * Computed in one pass over the items with a per-stage histogram of entry days and a running
 * sum, O(items × stages + days × stages).
 *
 * @example
 * cumulativeFlow(items, workflow, { from: '2024-01-01', to: '2024-01-02' })
 * // [{ day: '2024-01-01', counts: { Backlog: 3, Doing: 1, Done: 0 } },
 * //  { day: '2024-01-02', counts: { Backlog: 3, Doing: 2, Done: 1 } }]
 */
export function cumulativeFlow(
  items: readonly WorkItemHistory[],
  workflow: Workflow,
  options: DayRange & FlowOptions,
): CumulativeFlowDay[] {
  const compiled = compileWorkflow(workflow);
  const { first, last } = epochDayRange(options);
  const stageCount = compiled.stageNames.length;
  const allStages = Array.from({ length: stageCount }, (_, stage) => stage);
  const cumulative = cumulativeCounts(
    items,
    compiled,
    resolveTimeZone(options),
    first,
    last,
    allStages,
  );
  const dayCount = last - first + 1;
  const result: CumulativeFlowDay[] = new Array<CumulativeFlowDay>(dayCount);
  for (let offset = 0; offset < dayCount; offset++) {
    result[offset] = {
      day: dayLabel(first + offset),
      counts: stageRecord(compiled, (stage) => cumulative[stage * dayCount + offset] as number),
    };
  }
  return result;
}

/**
 * For each of `stages`, the number of items whose entry day is on or before each day
 * `first … last`, as one `Int32Array` laid out stage by stage (`[stageIndexInList × days + day]`).
 * Internal, shared with `wip`.
 */
export function cumulativeCounts(
  items: readonly WorkItemHistory[],
  compiled: CompiledWorkflow,
  timeZone: string,
  first: number,
  last: number,
  stages: readonly number[],
): Int32Array {
  const dayCount = last - first + 1;
  const counts = new Int32Array(stages.length * dayCount);
  const { entryDays } = compiled;
  for (const item of items) {
    scanEntryDays(item, compiled, timeZone, entryDays);
    for (let position = 0; position < stages.length; position++) {
      const day = entryDays[stages[position] as number] as number;
      if (day === NO_DAY || day > last) continue;
      const slot = position * dayCount + Math.max(0, day - first);
      counts[slot] = (counts[slot] as number) + 1;
    }
  }
  for (let position = 0; position < stages.length; position++) {
    const offset = position * dayCount;
    for (let day = 1; day < dayCount; day++) {
      counts[offset + day] =
        (counts[offset + day] as number) + (counts[offset + day - 1] as number);
    }
  }
  return counts;
}
