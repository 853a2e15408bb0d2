import { createHash } from 'node:crypto';
import { flowRecord, type Workflow } from '@bearing/metrics';
import type { FlowItem } from '../team-history.repository.js';
import type { ItemFlowRow, TeamFlowDayRow } from './flow-read-model.repository.js';

/**
 * Bump when what the rows hold changes (a column, or how `@bearing/metrics` defines a figure):
 * every team's stamp then differs and its rows are rebuilt on the next read.
 */
const MODEL_VERSION = 1;

/** What a team's rows were computed from: its workflow and time zone (not its calendar). */
export function flowStamp(workflow: Workflow, timeZone: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ version: MODEL_VERSION, workflow, timeZone }))
    .digest('hex');
}

/** An item's row, its rank among the finished items not yet known (`null`). */
export function itemFlowRow(item: FlowItem, workflow: Workflow, timeZone: string): ItemFlowRow {
  const record = flowRecord(item, workflow, { timeZone });
  return {
    workItemId: item.id,
    key: item.key,
    title: item.title,
    hasHistory: item.hasHistory,
    createdDay: record.createdDay,
    lastDay: record.lastDay,
    entryDays: record.entryDays,
    committedDay: item.hasHistory ? record.committedDay : null,
    doneDay: record.doneDay,
    cycleTime: item.hasHistory ? record.cycleTime : null,
    leadTime: record.leadTime,
    stage: item.hasHistory ? record.stage : null,
    doneRank: null,
  };
}

/**
 * The read model rows of a team's items: each item's `flowRecord` (by `@bearing/metrics`),
 * its rank among the finished items in the order the cycle-time list shows them (done day,
 * then key), and per day the counts the throughput, CFD and WIP add up, with running counts of
 * cycle and lead times for percentiles over any range.
 *
 * Items without history (CSV) only count where the replayed read models counted them: in
 * throughput and lead time, never in cycle time, CFD, WIP or aging.
 */
export function teamFlowRows(
  items: readonly FlowItem[],
  workflow: Workflow,
  timeZone: string,
): { items: ItemFlowRow[]; days: TeamFlowDayRow[] } {
  return teamFlowRowsOf(
    items.map((item) => itemFlowRow(item, workflow, timeZone)),
    workflow,
  );
}

/**
 * `teamFlowRows` from the items' rows (`itemFlowRow`, in creation order), which a rebuild makes
 * a chunk of items at a time: ranks them and adds up the days.
 */
export function teamFlowRowsOf(
  rows: ItemFlowRow[],
  workflow: Workflow,
): { items: ItemFlowRow[]; days: TeamFlowDayRow[] } {
  const stageCount = workflow.stages.length;

  const done = rows.filter((row) => row.doneDay !== null);
  // Stable, as the replayed list was sorted: ties keep creation order.
  done.sort(
    (first, second) =>
      (first.doneDay as number) - (second.doneDay as number) || first.key.localeCompare(second.key),
  );
  done.forEach((row, rank) => (row.doneRank = rank));

  const byDay = new Map<number, { done: ItemFlowRow[]; entered: number[] }>();
  const dayOf = (day: number) => {
    let entry = byDay.get(day);
    if (entry === undefined) {
      entry = { done: [], entered: new Array<number>(stageCount).fill(0) };
      byDay.set(day, entry);
    }
    return entry;
  };
  for (const row of rows) {
    if (row.doneDay !== null) dayOf(row.doneDay).done.push(row);
    if (!row.hasHistory) continue;
    row.entryDays.forEach((day, stage) => {
      if (day === null) return;
      const entered = dayOf(day).entered;
      entered[stage] = (entered[stage] as number) + 1;
    });
  }

  const cycleCounts: number[] = [];
  const leadCounts: number[] = [];
  const add = (counts: number[], value: number | null) => {
    if (value === null) return;
    while (counts.length <= value) counts.push(0);
    counts[value] = (counts[value] as number) + 1;
  };
  let doneThrough = 0;
  const days = [...byDay.keys()]
    .sort((first, second) => first - second)
    .map((day): TeamFlowDayRow => {
      const entry = byDay.get(day) as { done: ItemFlowRow[]; entered: number[] };
      for (const row of entry.done) {
        add(cycleCounts, row.cycleTime);
        add(leadCounts, row.leadTime);
      }
      doneThrough += entry.done.length;
      return {
        day,
        done: entry.done.length,
        entered: entry.entered,
        doneThrough,
        cycleCountsThrough: [...cycleCounts],
        leadCountsThrough: [...leadCounts],
      };
    });
  return { items: rows, days };
}
