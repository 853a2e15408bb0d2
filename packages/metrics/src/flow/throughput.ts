import { type Day, mondayOnOrBefore, dayToEpochDay } from '../days/index.js';
import { compileWorkflow } from './compiled-workflow.js';
import { dayLabel } from './day-label.js';
import { epochDayRange } from './day-range.js';
import { NO_DAY, scanEntryDays } from './entry-epoch-days.js';
import { resolveTimeZone } from './time-zone.js';
import type { DayRange, FlowOptions, WorkItemHistory, Workflow } from './types.js';

/** Options of `throughput`. */
export type ThroughputOptions = DayRange & FlowOptions & { interval: 'day' | 'week' };

/** One bucket of `throughput`: the items done from `start` to the end of the interval. */
export type ThroughputBucket = { start: Day; count: number };

/**
 * Throughput: the number of items whose done day (per `stageEntryDays`) falls in each bucket.
 * Every bucket from `from` to `to` is present, zero where nothing finished
 * (jira-agile-metrics `throughput.py` resamples the same way).
 *
 * - `interval: 'day'` — one bucket per day, `from` … `to`.
 * - `interval: 'week'` — ISO weeks, Monday to Sunday: the first bucket starts on the Monday on
 *   or before `from`, the last is the week containing `to`; each is labelled by its Monday and
 *   counts its whole week.
 *
 * Throws `RangeError` naming `from`, `to`, `interval` or `timeZone` when invalid.
 *
 * @example
 * // items done on Mon 01-01, Wed 01-03 (two), Sun 01-07 and Tue 01-09
 * throughput(items, workflow, { from: '2024-01-03', to: '2024-01-16', interval: 'week' })
 * // [{ start: '2024-01-01', count: 4 }, { start: '2024-01-08', count: 1 },
 * //  { start: '2024-01-15', count: 0 }]
 */
export function throughput(
  items: readonly WorkItemHistory[],
  workflow: Workflow,
  options: ThroughputOptions,
): ThroughputBucket[] {
  const compiled = compileWorkflow(workflow);
  const { first, last } = epochDayRange(options);
  const interval = options.interval;
  if (interval !== 'day' && interval !== 'week') {
    throw new RangeError(`interval must be 'day' or 'week', got ${String(interval)}`);
  }
  const timeZone = resolveTimeZone(options);
  const bucketDays = interval === 'day' ? 1 : 7;
  const firstStart = interval === 'day' ? first : dayToEpochDay(mondayOnOrBefore(options.from));
  const lastStart = interval === 'day' ? last : dayToEpochDay(mondayOnOrBefore(options.to));
  const counts = new Int32Array((lastStart - firstStart) / bucketDays + 1);
  const bucketsEnd = lastStart + bucketDays;

  const { entryDays } = compiled;
  for (const item of items) {
    scanEntryDays(item, compiled, timeZone, entryDays);
    const doneDay = entryDays[compiled.done] as number;
    if (doneDay === NO_DAY || doneDay < firstStart || doneDay >= bucketsEnd) continue;
    const bucket = Math.floor((doneDay - firstStart) / bucketDays);
    counts[bucket] = (counts[bucket] as number) + 1;
  }
  return Array.from(counts, (count, bucket) => ({
    start: dayLabel(firstStart + bucket * bucketDays),
    count,
  }));
}
