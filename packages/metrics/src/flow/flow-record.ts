import { type Day, dayToEpochDay, epochMsToEpochDay, instantToEpochMs } from '../days/index.js';
import { nearestRankIndex } from '../statistics/nearest-rank.js';
import { compileWorkflow } from './compiled-workflow.js';
import type { CumulativeFlowDay } from './cumulative-flow.js';
import { stageRecord } from './compiled-workflow.js';
import { dayLabel } from './day-label.js';
import { epochDayRange } from './day-range.js';
import { NO_DAY, scanEntryDays } from './entry-epoch-days.js';
import { resolveTimeZone } from './time-zone.js';
import type { ThroughputBucket, ThroughputOptions } from './throughput.js';
import type { AgingItem } from './aging-wip.js';
import type { WipDay } from './wip.js';
import type { DayRange, FlowOptions, WorkItemHistory, Workflow } from './types.js';
import { mondayOnOrBefore } from '../days/index.js';

/**
 * The flow facts of one item's whole history, as a read model stores them so that dashboards
 * need not replay changelogs per request. Days are epoch days (days since 1970-01-01) in the
 * time zone the record was made in; `null` where the item has none.
 */
export type FlowRecord = {
  createdDay: number;
  /**
   * The latest day any of the item's history happened on (its creation or a change): the record
   * describes the item "as of" every day from this one on.
   */
  lastDay: number;
  /** `stageEntryDays`, one entry per stage in workflow order. */
  entryDays: (number | null)[];
  committedDay: number | null;
  doneDay: number | null;
  cycleTime: number | null;
  leadTime: number | null;
  /** The furthest stage entered (`agingWip`'s stage) while committed and not done, else null. */
  stage: number | null;
};

/**
 * `stageEntryDays`, `cycleTime` and `leadTime` of `item` in one scan, plus what the read-model
 * aggregates below need. Every figure follows the definitions of those functions exactly.
 */
export function flowRecord(
  item: WorkItemHistory,
  workflow: Workflow,
  options?: FlowOptions,
): FlowRecord {
  const compiled = compileWorkflow(workflow);
  const timeZone = resolveTimeZone(options);
  const { entryDays } = compiled;
  const createdDay = scanEntryDays(item, compiled, timeZone, entryDays);
  const days = Array.from(entryDays, (day) => (day === NO_DAY ? null : day));
  const committedDay = days[compiled.committed] ?? null;
  const doneDay = days[compiled.done] ?? null;
  let lastDay = createdDay;
  for (const change of item.changes) {
    const day = epochMsToEpochDay(instantToEpochMs(change.at, 'item.changes[].at'), timeZone);
    if (day > lastDay) lastDay = day;
  }
  let stage: number | null = null;
  if (committedDay !== null && doneDay === null) {
    stage = compiled.committed;
    while (stage + 1 < days.length && days[stage + 1] !== null) stage++;
  }
  return {
    createdDay,
    lastDay,
    entryDays: days,
    committedDay,
    doneDay,
    cycleTime: committedDay === null || doneDay === null ? null : doneDay - committedDay,
    leadTime: doneDay === null ? null : doneDay - createdDay,
    stage,
  };
}

/**
 * What the records of a team add up to on one day: how many items were finished that day
 * (`done`) and, per stage, how many items entered it that day (`entered`, in stage order).
 */
export type FlowDayCounts = { day: number; done: number; entered: readonly number[] };

/**
 * `throughput` from per-day done counts (`FlowDayCounts.done` over every item) instead of
 * item histories: the same buckets, zero-filled, for the same items.
 */
export function throughputOfDays(
  days: readonly Pick<FlowDayCounts, 'day' | 'done'>[],
  options: Omit<ThroughputOptions, 'timeZone'>,
): ThroughputBucket[] {
  const { first, last } = epochDayRange(options);
  const interval = options.interval;
  if (interval !== 'day' && interval !== 'week') {
    throw new RangeError(`interval must be 'day' or 'week', got ${String(interval)}`);
  }
  const bucketDays = interval === 'day' ? 1 : 7;
  const firstStart = interval === 'day' ? first : dayToEpochDay(mondayOnOrBefore(options.from));
  const lastStart = interval === 'day' ? last : dayToEpochDay(mondayOnOrBefore(options.to));
  const counts = new Int32Array((lastStart - firstStart) / bucketDays + 1);
  const bucketsEnd = lastStart + bucketDays;
  for (const { day, done } of days) {
    if (done === 0 || day < firstStart || day >= bucketsEnd) continue;
    const bucket = Math.floor((day - firstStart) / bucketDays);
    counts[bucket] = (counts[bucket] as number) + done;
  }
  return Array.from(counts, (count, bucket) => ({
    start: dayLabel(firstStart + bucket * bucketDays),
    count,
  }));
}

/** Per stage of `stages`, items that entered it on or before each day of the range. */
function cumulativeOfDays(
  days: readonly Pick<FlowDayCounts, 'day' | 'entered'>[],
  stages: readonly number[],
  first: number,
  last: number,
): Int32Array {
  const dayCount = last - first + 1;
  const counts = new Int32Array(stages.length * dayCount);
  for (const { day, entered } of days) {
    if (day > last) continue;
    const offset = Math.max(0, day - first);
    for (let position = 0; position < stages.length; position++) {
      const slot = position * dayCount + offset;
      counts[slot] = (counts[slot] as number) + (entered[stages[position] as number] ?? 0);
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

/**
 * `cumulativeFlow` from per-day stage entry counts (`FlowDayCounts.entered` of the items the
 * diagram covers): the same days and counts for the same items.
 */
export function cumulativeFlowOfDays(
  days: readonly Pick<FlowDayCounts, 'day' | 'entered'>[],
  workflow: Workflow,
  range: DayRange,
): CumulativeFlowDay[] {
  const compiled = compileWorkflow(workflow);
  const { first, last } = epochDayRange(range);
  const allStages = compiled.stageNames.map((_, stage) => stage);
  const cumulative = cumulativeOfDays(days, allStages, first, last);
  const dayCount = last - first + 1;
  return Array.from({ length: dayCount }, (_, offset) => ({
    day: dayLabel(first + offset),
    counts: stageRecord(compiled, (stage) => cumulative[stage * dayCount + offset] as number),
  }));
}

/** `wip` from per-day stage entry counts, as `cumulativeFlowOfDays`. */
export function wipOfDays(
  days: readonly Pick<FlowDayCounts, 'day' | 'entered'>[],
  workflow: Workflow,
  range: DayRange,
): WipDay[] {
  const compiled = compileWorkflow(workflow);
  const { first, last } = epochDayRange(range);
  const counts = cumulativeOfDays(days, [compiled.committed, compiled.done], first, last);
  const dayCount = last - first + 1;
  return Array.from({ length: dayCount }, (_, offset) => ({
    day: dayLabel(first + offset),
    count: (counts[offset] as number) - (counts[dayCount + offset] as number),
  }));
}

/**
 * `agingWip` of items whose records describe them as of `asOf` (their `lastDay` is on or before
 * it), in input order. Records of items not in progress are skipped.
 */
export function agingOfRecords<T extends Pick<FlowRecord, 'committedDay' | 'doneDay' | 'stage'>>(
  records: readonly (T & { id: string })[],
  workflow: Workflow,
  asOf: Day,
): AgingItem[] {
  const compiled = compileWorkflow(workflow);
  const asOfDay = dayToEpochDay(asOf, 'asOf');
  const aging: AgingItem[] = [];
  for (const record of records) {
    if (record.committedDay === null || record.doneDay !== null || record.stage === null) continue;
    aging.push({
      id: record.id,
      stage: compiled.stageNames[record.stage] as string,
      ageDays: asOfDay - record.committedDay,
    });
  }
  return aging;
}

/**
 * Counts of whole-day values (`counts[v]` = how many items took `v` days) of the items done on
 * or before a day, less those done on or before an earlier day: the counts of the days between.
 * A read model stores the running counts per day so that any range costs two rows.
 */
export function countsBetween(upTo: readonly number[], before: readonly number[] | null): number[] {
  return upTo.map((count, value) => count - (before?.[value] ?? 0));
}

/**
 * `quantiles(values, ps, 'nearest-rank')` of the values `counts` describes (`counts[v]` items of
 * value `v`), without listing them: the same order statistic x₍⌈p·n⌉₎. `null` when empty.
 */
export function nearestRankOfCounts(
  counts: readonly number[],
  ps: readonly number[],
): number[] | null {
  const n = counts.reduce((sum, count) => sum + count, 0);
  if (n === 0) return null;
  return ps.map((p) => {
    const index = nearestRankIndex(n, p);
    let seen = 0;
    for (let value = 0; value < counts.length; value++) {
      seen += counts[value] as number;
      if (seen > index) return value;
    }
    return counts.length - 1;
  });
}
