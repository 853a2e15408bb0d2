import { xmr, type XmrChart, type XmrRule, type XmrSignal } from './xmr.js';

export type XmrRecalculationOptions = {
  /** How many values of a segment set its limits (at least 2); default 20. */
  baselineCount?: number;
  /** A signal on one of the last this-many values makes the status `signal`; default 7. */
  recentCount?: number;
  /** The lowest value the measure can take (e.g. 0 for a cycle time). */
  lowerBound?: number;
};

/** The sustained shift that ended the previous segment and started this one. */
export type XmrShift = {
  /** `up` when the run lay above the previous segment's central line, `down` below it. */
  direction: 'up' | 'down';
  /** The run's 8th value, where the shift became evident; it carries a `run-of-eight` signal. */
  detectedAt: number;
};

/** A stretch of values judged against one set of limits. */
export type XmrSegment = Pick<
  XmrChart,
  'mean' | 'averageMovingRange' | 'upperLimit' | 'lowerLimit' | 'upperRangeLimit'
> & {
  /** Index of the segment's first value. */
  start: number;
  /** Index of its last value (inclusive). */
  end: number;
  /** The limits come from values `start` … `start + baselineCount − 1`. */
  baselineCount: number;
  /** Fewer baseline values than `options.baselineCount`: limits that move as values arrive. */
  provisional: boolean;
  /** `null` for the first segment; otherwise the shift that started this one. */
  shift: XmrShift | null;
};

export type XmrRecalculatedChart = {
  /** In order, covering every value once: `segments[0].start` is 0, the last `end` is n − 1. */
  segments: XmrSegment[];
  /** As `xmr`: `movingRanges[i − 1]` = |xᵢ − xᵢ₋₁| for every i ≥ 1. */
  movingRanges: number[];
  /** One entry per value and rule that fires, ordered by index, then by rule as in `XmrRule`. */
  signals: XmrSignal[];
  /** `signal` when a signal falls on one of the last `recentCount` values, else `routine`. */
  status: 'signal' | 'routine';
  /** The newest value with a signal among the last `recentCount`, with its rules; else `null`. */
  recentSignal: { index: number; rules: XmrRule[] } | null;
};

/** Wheeler's "about 20 values" for limits that no longer move much with more data. */
const DEFAULT_BASELINE_COUNT = 20;
const DEFAULT_RECENT_COUNT = 7;
/** A sustained shift: this many successive values on one side of the central line. */
const SHIFT_RUN_LENGTH = 8;
/** The first segment keeps at least this many values, the fewest that give limits. */
const MIN_FIRST_SEGMENT_LENGTH = 2;

const RULE_ORDER: readonly XmrRule[] = [
  'beyond-limits',
  'three-of-four',
  'run-of-eight',
  'range-beyond-limit',
];

/**
 * An XmR chart whose limits are recomputed after each sustained shift, as Donald J. Wheeler
 * recommends ("When Do I Recalculate My Limits?", Quality Digest; the practice as taught in
 * Mark Graban, "Measures of Success", 2019): limits come from a baseline and stay fixed until
 * the process moves to a new level; then new limits are computed from the values after the
 * change began. Every signal is one of `xmr`'s rules (Wheeler's detection rules 1–3 and the
 * range rule), judged against the limits of the segment the value belongs to.
 *
 * - A segment's limits are `xmr`'s, from its first `baselineCount` (20) values — or from all of
 *   them when it has fewer, and then they are `provisional`.
 * - A sustained shift is the first run of 8 successive values on one side of the segment's
 *   central line (a value on the line breaks a run) that begins at the segment's third value or
 *   later — its ninth or later in a segment that itself began with a shift, so every segment
 *   keeps the run that started it. The segment ends just before the run; a new one begins with
 *   the run's first value, and its limits use none of the values before. The run's 8th value
 *   gets a `run-of-eight` signal: where the shift became evident.
 * - A segment's first value has no moving range of its own: the jump across a shift is not
 *   judged against either segment's range limit.
 * - `status`: `signal` when one of the last `recentCount` (7) values carries a signal.
 *
 * `null` with fewer than 2 values. A series without a shift is one segment whose limits and
 * signals are exactly `xmr(values, { baselineCount: min(20, n) })`'s.
 *
 * @example
 * // 10 values around 10, then 10 around 20: two segments, the shift up seen at index 17.
 * xmrWithRecalculation([10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 20, 21, 19, 20, 21, 19, 20, 21, 19, 20]);
 * // segments [{ start: 0, end: 9, mean: 10, provisional: true, shift: null, … },
 * //           { start: 10, end: 19, mean: 20, provisional: true,
 * //             shift: { direction: 'up', detectedAt: 17 }, … }],
 * // signals [{ index: 17, rule: 'run-of-eight' }], status 'signal'
 */
export function xmrWithRecalculation(
  values: readonly number[],
  options: XmrRecalculationOptions = {},
): XmrRecalculatedChart | null {
  const { baselineCount = DEFAULT_BASELINE_COUNT, recentCount = DEFAULT_RECENT_COUNT } = options;
  if (!Number.isInteger(baselineCount) || baselineCount < 2) {
    throw new RangeError(`baselineCount must be a whole number ≥ 2, got ${String(baselineCount)}`);
  }
  if (!Number.isInteger(recentCount) || recentCount < 1) {
    throw new RangeError(`recentCount must be a whole number ≥ 1, got ${String(recentCount)}`);
  }
  const movingRanges = validatedMovingRanges(values, options.lowerBound);
  if (!movingRanges) return null;
  const count = values.length;
  const segments: XmrSegment[] = [];
  const signals: XmrSignal[] = [];
  let start = 0;
  let shift: XmrShift | null = null;
  for (;;) {
    const found = findShift(
      values,
      start,
      Math.min(baselineCount, count - start),
      shift ? SHIFT_RUN_LENGTH : MIN_FIRST_SEGMENT_LENGTH,
    );
    const end = found ? found.runStart - 1 : count - 1;
    const length = end - start + 1;
    const segmentBaseline = Math.min(baselineCount, length);
    const chart = xmr(values.slice(start, end + 1), {
      baselineCount: segmentBaseline,
      lowerBound: options.lowerBound,
    })!;
    segments.push({
      start,
      end,
      baselineCount: segmentBaseline,
      provisional: segmentBaseline < baselineCount,
      mean: chart.mean,
      averageMovingRange: chart.averageMovingRange,
      upperLimit: chart.upperLimit,
      lowerLimit: chart.lowerLimit,
      upperRangeLimit: chart.upperRangeLimit,
      shift,
    });
    appendSegmentSignals(signals, chart.signals, start, shift);
    if (!found) break;
    shift = { direction: found.direction, detectedAt: found.detectedAt };
    start = found.runStart;
  }
  // `signals` is already ordered by index, then rule: the newest value's rules are its tail.
  const newest = signals.at(-1);
  let recentSignal: XmrRecalculatedChart['recentSignal'] = null;
  if (newest && newest.index >= count - recentCount) {
    let first = signals.length - 1;
    while (first > 0 && signals[first - 1]!.index === newest.index) first--;
    const rules: XmrRule[] = [];
    for (let position = first; position < signals.length; position++) {
      rules.push(signals[position]!.rule);
    }
    recentSignal = { index: newest.index, rules };
  }
  return {
    segments,
    movingRanges,
    signals,
    status: recentSignal ? 'signal' : 'routine',
    recentSignal,
  };
}

/**
 * The first run of `SHIFT_RUN_LENGTH` values on one side of the central line of the segment
 * that starts at `start` (the mean of its first `baseline` values), beginning at least
 * `keep` values after `start`; `null` when there is none.
 */
function findShift(
  values: readonly number[],
  start: number,
  baseline: number,
  keep: number,
): { runStart: number; detectedAt: number; direction: 'up' | 'down' } | null {
  let sum = 0;
  for (let index = start; index < start + baseline; index++) sum += values[index]!;
  const centre = sum / baseline;
  let runStart = start;
  let runLength = 0;
  let runSide = 0;
  for (let index = start; index < values.length; index++) {
    const value = values[index]!;
    const side = value > centre ? 1 : value < centre ? -1 : 0;
    if (side === 0 || side !== runSide) {
      runStart = index;
      runLength = side === 0 ? 0 : 1;
      runSide = side;
    } else {
      runLength++;
    }
    if (runLength === SHIFT_RUN_LENGTH && runStart >= start + keep) {
      return { runStart, detectedAt: index, direction: runSide > 0 ? 'up' : 'down' };
    }
  }
  return null;
}

/**
 * Validates every value and `lowerBound` exactly as `xmr` does (same checks, same order, same
 * messages) and gives the moving ranges of the whole series; `null` with fewer than 2 values.
 */
function validatedMovingRanges(
  values: readonly number[],
  lowerBound: number | undefined,
): number[] | null {
  if (lowerBound !== undefined && !Number.isFinite(lowerBound)) {
    throw new RangeError(`lowerBound must be a finite number, got ${String(lowerBound)}`);
  }
  const count = values.length;
  const movingRanges = new Array<number>(Math.max(count - 1, 0));
  for (let index = 0; index < count; index++) {
    const value = values[index]!;
    if (!Number.isFinite(value)) {
      throw new RangeError(`values[${index}] must be a finite number, got ${String(value)}`);
    }
    if (index > 0) movingRanges[index - 1] = Math.abs(value - values[index - 1]!);
  }
  return count < 2 ? null : movingRanges;
}

/**
 * Appends a segment's signals (indices relative to `start`, ordered by index then rule) to
 * `signals`, with the `run-of-eight` of the shift that started the segment merged in at its
 * place — once, if the segment's own rules already flag that value with it. Segments come in
 * order and the shift's value lies inside its segment, so `signals` stays ordered without a sort.
 */
function appendSegmentSignals(
  signals: XmrSignal[],
  segmentSignals: readonly XmrSignal[],
  start: number,
  shift: XmrShift | null,
): void {
  const shiftAt = shift ? shift.detectedAt : -1;
  const shiftRule = RULE_ORDER.indexOf('run-of-eight');
  let shiftPending = shift !== null;
  for (const { index: relative, rule } of segmentSignals) {
    const index = start + relative;
    if (
      shiftPending &&
      (index > shiftAt || (index === shiftAt && RULE_ORDER.indexOf(rule) >= shiftRule))
    ) {
      shiftPending = false;
      if (index !== shiftAt || rule !== 'run-of-eight') {
        signals.push({ index: shiftAt, rule: 'run-of-eight' });
      }
    }
    signals.push({ index, rule });
  }
  if (shiftPending) signals.push({ index: shiftAt, rule: 'run-of-eight' });
}
