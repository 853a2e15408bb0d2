import type { Day } from '../days/index.js';
import { compileWorkflow, stageRecord } from './compiled-workflow.js';
import { dayLabel } from './day-label.js';
import { NO_DAY, scanEntryDays } from './entry-epoch-days.js';
import { resolveTimeZone } from './time-zone.js';
import type { FlowOptions, WorkItemHistory, Workflow } from './types.js';

/**
 * The day each stage of `workflow` was entered by `item`, `null` for stages it has not reached.
 *
 * Rules of jira-agile-metrics `cycletime.py` (CycleTimeCalculator): the item is in
 * `initialStatus` at `createdAt`, then its changes apply in time order; each stage keeps the
 * day it was **first** entered; entering stage k clears the days of every later stage (a move
 * backwards undoes later progress); a status no stage maps is ignored; a stage that was skipped
 * takes the day of the next later stage that has one. Instants become days in
 * `options.timeZone` (IANA, default UTC).
 *
 * Throws `RangeError` naming the argument for an invalid workflow, time zone or instant.
 *
 * @example
 * stageEntryDays(
 *   { id: 'A-1', createdAt: '2024-01-01T09:00:00Z', initialStatus: 'To Do', changes: [
 *     { at: '2024-01-03T10:00:00Z', to: 'In Progress' },
 *     { at: '2024-01-08T16:00:00Z', to: 'Done' } ] },
 *   { stages: [
 *       { name: 'Backlog', statuses: ['To Do'] },
 *       { name: 'Doing', statuses: ['In Progress'] },
 *       { name: 'Review', statuses: ['In Review'] },
 *       { name: 'Done', statuses: ['Done'] } ],
 *     committedStage: 'Doing', doneStage: 'Done' },
 * ) // { Backlog: '2024-01-01', Doing: '2024-01-03', Review: '2024-01-08', Done: '2024-01-08' }
 */
export function stageEntryDays(
  item: WorkItemHistory,
  workflow: Workflow,
  options?: FlowOptions,
): Record<string, Day | null> {
  const compiled = compileWorkflow(workflow);
  const { entryDays } = compiled;
  scanEntryDays(item, compiled, resolveTimeZone(options), entryDays);
  return stageRecord(compiled, (stage) => {
    const day = entryDays[stage] as number;
    return day === NO_DAY ? null : dayLabel(day);
  });
}
