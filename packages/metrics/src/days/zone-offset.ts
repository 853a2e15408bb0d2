import { tzOffset } from '@date-fns/tz';
import { daysFromCivil } from './civil-date.js';

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/**
 * Years a zone's transition table may cover. Real timestamps fall well inside; an instant
 * outside is looked up directly (correct, only not tabulated), so one stray year-0001 value
 * cannot make the package probe two thousand years of a zone.
 */
const FIRST_TABLE_YEAR = 1800;
const END_TABLE_YEAR = 2200;

/**
 * One zone's offsets over the whole UTC years `fromYear` … `toYear − 1`, as a step function:
 * `offsetMs[i]` holds from the instant `startsAt[i]` until `startsAt[i + 1]` (or the end of the
 * range). Consecutive entries always differ in offset, so the arrays hold the zone's
 * transitions — two a year in a zone with daylight saving time, one entry in a zone without.
 */
type TransitionTable = {
  fromYear: number;
  toYear: number;
  fromMs: number;
  toMs: number;
  startsAt: Float64Array;
  offsetMs: Float64Array;
};

const tablesByZone = new Map<string, TransitionTable>();
// The zone of the previous call and its table: flow metrics convert every instant of a team in
// that team's zone, so this skips the map lookup on almost every call.
let lastZone = '';
let lastTable: TransitionTable | undefined;

/**
 * The offset of `timeZone` from UTC at the instant `epochMs`, in milliseconds; `RangeError`
 * naming `timeZone` when the zone is unknown. Internal.
 *
 * The answer is always `@date-fns/tz`'s `tzOffset` (which reads the runtime's `Intl` zone
 * data), but `tzOffset` formats a date on every call (a few microseconds), so each zone's
 * offsets are tabulated once per year of the instants asked for: the year is probed once a day,
 * every change between two probes is narrowed to the exact millisecond by bisection, and from
 * then on an instant's offset is a binary search over the zone's transitions. Offsets change
 * only at those transitions, so the table answers every instant of the years it covers — unlike
 * a cache of instants, it does not stop helping when a team has more instants than it holds.
 * (Probing daily assumes a zone never changes its offset and changes it back within one day;
 * probes every six hours found no such pair in any zone from 1900 to 2100.)
 */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  let table = timeZone === lastZone ? lastTable : tablesByZone.get(timeZone);
  if (table === undefined || epochMs < table.fromMs || epochMs >= table.toMs) {
    table = tableCovering(timeZone, epochMs, table);
    if (table === undefined) return probeOffsetMs(timeZone, epochMs);
  }
  lastZone = timeZone;
  lastTable = table;
  const { startsAt, offsetMs } = table;
  // The last entry that starts at or before epochMs (entry 0 starts at fromMs ≤ epochMs).
  let low = 0;
  let high = startsAt.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((startsAt[middle] as number) <= epochMs) low = middle;
    else high = middle - 1;
  }
  return offsetMs[low] as number;
}

/** `tzOffset` in milliseconds, `RangeError` naming `timeZone` when it is unknown (`NaN`). */
function probeOffsetMs(timeZone: string, epochMs: number): number {
  const offsetMinutes = tzOffset(timeZone, new Date(epochMs));
  if (Number.isNaN(offsetMinutes)) {
    throw new RangeError(`timeZone is not a known IANA time zone: ${String(timeZone)}`);
  }
  return offsetMinutes * MS_PER_MINUTE;
}

/**
 * `timeZone`'s table extended (or first built) to cover the UTC year of `epochMs`, or
 * `undefined` when that year is outside the tabulated years. Extending fills every year between
 * the table and the instant, so a table is always one contiguous range.
 */
function tableCovering(
  timeZone: string,
  epochMs: number,
  table: TransitionTable | undefined,
): TransitionTable | undefined {
  const year = new Date(epochMs).getUTCFullYear(); // NaN for an instant Date cannot hold
  if (!(year >= FIRST_TABLE_YEAR && year < END_TABLE_YEAR)) return undefined;
  let extended: TransitionTable;
  if (table === undefined) {
    extended = scanYears(timeZone, year, year + 1);
  } else if (year < table.fromYear) {
    extended = join(scanYears(timeZone, year, table.fromYear), table);
  } else {
    extended = join(table, scanYears(timeZone, table.toYear, year + 1));
  }
  tablesByZone.set(timeZone, extended);
  return extended;
}

/** The transition table of `timeZone` over the UTC years `fromYear` … `toYear − 1`. */
function scanYears(timeZone: string, fromYear: number, toYear: number): TransitionTable {
  const fromMs = daysFromCivil(fromYear, 1, 1) * MS_PER_DAY;
  const toMs = daysFromCivil(toYear, 1, 1) * MS_PER_DAY;
  const startsAt = [fromMs];
  const offsets = [probeOffsetMs(timeZone, fromMs)];
  let probeMs = fromMs;
  let probeOffset = offsets[0] as number;
  while (probeMs < toMs) {
    const nextMs = probeMs + MS_PER_DAY;
    const nextOffset = probeOffsetMs(timeZone, nextMs);
    // Every change in (probeMs, nextMs], found from the left; the usual case is exactly one.
    let knownMs = probeMs;
    let knownOffset = probeOffset;
    while (knownOffset !== nextOffset) {
      const changeMs = firstChangeAfter(timeZone, knownMs, knownOffset, nextMs);
      knownMs = changeMs;
      knownOffset = probeOffsetMs(timeZone, changeMs);
      // A change exactly at toMs belongs to the next year's table.
      if (changeMs < toMs) {
        startsAt.push(changeMs);
        offsets.push(knownOffset);
      }
    }
    probeMs = nextMs;
    probeOffset = nextOffset;
  }
  return {
    fromYear,
    toYear,
    fromMs,
    toMs,
    startsAt: Float64Array.from(startsAt),
    offsetMs: Float64Array.from(offsets),
  };
}

/**
 * The first millisecond in (`fromMs`, `toMs`] at which the offset is no longer `fromOffset`,
 * by bisection (the offset at `toMs` is known to differ).
 */
function firstChangeAfter(
  timeZone: string,
  fromMs: number,
  fromOffset: number,
  toMs: number,
): number {
  let unchanged = fromMs;
  let changed = toMs;
  while (changed - unchanged > 1) {
    const middle = Math.floor((unchanged + changed) / 2);
    if (probeOffsetMs(timeZone, middle) === fromOffset) unchanged = middle;
    else changed = middle;
  }
  return changed;
}

/** Two adjacent tables as one; an entry that only repeats the offset before it is dropped. */
function join(earlier: TransitionTable, later: TransitionTable): TransitionTable {
  const startsAt = Array.from(earlier.startsAt);
  const offsets = Array.from(earlier.offsetMs);
  later.startsAt.forEach((startMs, index) => {
    const offset = later.offsetMs[index] as number;
    if (offset === offsets[offsets.length - 1]) return;
    startsAt.push(startMs);
    offsets.push(offset);
  });
  return {
    fromYear: earlier.fromYear,
    toYear: later.toYear,
    fromMs: earlier.fromMs,
    toMs: later.toMs,
    startsAt: Float64Array.from(startsAt),
    offsetMs: Float64Array.from(offsets),
  };
}
