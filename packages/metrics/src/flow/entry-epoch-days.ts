import { epochMsToEpochDay, instantToEpochMs } from '../days/index.js';
import type { CompiledWorkflow } from './compiled-workflow.js';
import type { WorkItemHistory } from './types.js';

/** Marks a stage with no entry day in the `Int32Array`s below. */
export const NO_DAY = -2_147_483_648;

// Scratch buffers for the mapped changes of the item being scanned, grown on demand. Scans are
// synchronous and never nested, so one set serves every call without allocating per item.
let changeMs = new Float64Array(64);
let changeStage = new Int32Array(64);

/**
 * The core of every flow metric: fills `entryDays` (one slot per stage) with the epoch day each
 * stage was entered, `NO_DAY` where none, following jira-agile-metrics `cycletime.py`:
 *
 * 1. the item is in `initialStatus` at `createdAt`; then its changes apply in the order of
 *    their real times (ties keep their input order). A change stamped before `createdAt` (clock
 *    skew, imported data) counts as happening at `createdAt`, right after the initial status,
 *    so no stage can be entered before the item existed — but it is clamped only after the
 *    changes are sorted, so several such changes still apply in the order they happened;
 * 2. a status no stage maps is ignored;
 * 3. entering stage k records its day only if k has none yet (the **first** entry wins) and
 *    clears every later stage (a move backwards undoes later progress);
 * 4. afterwards, walking from the last stage back, a stage without a day takes the day of the
 *    next later stage that has one (a skipped stage counts as passed through).
 *
 * After step 4 the days never decrease along the stages, which is what makes the cumulative
 * flow diagram's bands nest.
 *
 * With `lastEpochDay`, only history up to the end of that day counts (the item "as of" a day).
 * Returns the epoch day of `createdAt`, or `NO_DAY` when the item was created after
 * `lastEpochDay` (it did not exist yet). Internal.
 */
export function scanEntryDays(
  item: WorkItemHistory,
  compiled: CompiledWorkflow,
  timeZone: string,
  entryDays: Int32Array,
  lastEpochDay = Number.POSITIVE_INFINITY,
): number {
  entryDays.fill(NO_DAY);
  const createdMs = instantToEpochMs(item.createdAt, 'item.createdAt');
  const createdDay = epochMsToEpochDay(createdMs, timeZone);
  if (createdDay > lastEpochDay) return NO_DAY;
  const { stageOfStatus } = compiled;
  const initialStage = stageOfStatus.get(item.initialStatus);
  if (initialStage !== undefined) entryDays[initialStage] = createdDay;

  const count = collectMappedChanges(item, stageOfStatus, createdMs);
  const stageCount = entryDays.length;
  const asOf = lastEpochDay !== Number.POSITIVE_INFINITY;
  for (let index = 0; index < count; index++) {
    const stage = changeStage[index] as number;
    const ms = changeMs[index] as number;
    if (asOf && epochMsToEpochDay(ms, timeZone) > lastEpochDay) break;
    if (entryDays[stage] === NO_DAY) entryDays[stage] = epochMsToEpochDay(ms, timeZone);
    for (let later = stage + 1; later < stageCount; later++) entryDays[later] = NO_DAY;
  }

  let nextDay = NO_DAY;
  for (let stage = stageCount - 1; stage >= 0; stage--) {
    const day = entryDays[stage] as number;
    if (day === NO_DAY) entryDays[stage] = nextDay;
    else nextDay = day;
  }
  return createdDay;
}

/**
 * Parses the mapped changes into the scratch buffers, sorted by their real time, then moves
 * those stamped before `createdMs` to `createdMs`; returns how many. Sorting first matters: once
 * clamped, two early changes are tied and would apply in list order instead of time order.
 */
function collectMappedChanges(
  item: WorkItemHistory,
  stageOfStatus: ReadonlyMap<string, number>,
  createdMs: number,
): number {
  const { changes } = item;
  if (!Array.isArray(changes)) throw new RangeError('item.changes must be an array');
  if (changes.length > changeMs.length) grow(changes.length);
  let count = 0;
  let inOrder = true;
  let previousMs = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < changes.length; index++) {
    const change = changes[index] as WorkItemHistory['changes'][number];
    const stage = stageOfStatus.get(change.to);
    if (stage === undefined) continue;
    const ms = instantToEpochMs(change.at, 'item.changes[].at');
    if (ms < previousMs) inOrder = false;
    previousMs = ms;
    changeMs[count] = ms;
    changeStage[count] = stage;
    count++;
  }
  if (!inOrder) sortByTime(count);
  // In time order, the changes stamped before the item existed are a prefix.
  for (let index = 0; index < count && (changeMs[index] as number) < createdMs; index++) {
    changeMs[index] = createdMs;
  }
  return count;
}

function grow(size: number): void {
  const capacity = Math.max(size, changeMs.length * 2);
  changeMs = new Float64Array(capacity);
  changeStage = new Int32Array(capacity);
}

/** Stable sort of the first `count` scratch entries by time (rare: feeds are usually ordered). */
function sortByTime(count: number): void {
  const order = Array.from({ length: count }, (_, index) => index);
  order.sort((a, b) => (changeMs[a] as number) - (changeMs[b] as number) || a - b);
  const ms = order.map((index) => changeMs[index] as number);
  const stages = order.map((index) => changeStage[index] as number);
  changeMs.set(ms);
  changeStage.set(stages);
}
