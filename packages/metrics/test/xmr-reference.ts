// `xmr` and `xmrWithRecalculation` as they stood before `xmrWithRecalculation` stopped charting
// the whole series only to validate it and stopped sorting its signals, kept verbatim (renamed)
// as the oracle every rewrite of either must match exactly, value for value and message for
// message. Test-only: nothing in the package imports it.
import type {
  XmrChart,
  XmrOptions,
  XmrRecalculatedChart,
  XmrRecalculationOptions,
  XmrRule,
  XmrSegment,
  XmrShift,
  XmrSignal,
} from '../src/index.js';

/** 3 / d₂ with d₂ = 1.128 for moving ranges of two points. */
const NATURAL_LIMIT_FACTOR = 2.66;
/** D₄ for moving ranges of two points. */
const RANGE_LIMIT_FACTOR = 3.268;
/** Half-way to the limits: the "closer to a limit than to the central line" line. */
const ZONE_FACTOR = 1.33;

export function referenceXmr(values: readonly number[], options: XmrOptions = {}): XmrChart | null {
  const { baselineCount, lowerBound } = options;
  if (baselineCount !== undefined && (!Number.isInteger(baselineCount) || baselineCount < 2)) {
    throw new RangeError(`baselineCount must be a whole number ≥ 2, got ${String(baselineCount)}`);
  }
  if (lowerBound !== undefined && !Number.isFinite(lowerBound)) {
    throw new RangeError(`lowerBound must be a finite number, got ${String(lowerBound)}`);
  }
  const count = values.length;
  const baseline = Math.min(baselineCount ?? count, count);

  // One pass validates, takes the moving ranges and sums the baseline. Plain loops without
  // intermediate arrays: dashboards call this for every KPI tile on a page.
  const movingRanges = new Array<number>(Math.max(count - 1, 0));
  let baselineSum = 0;
  let baselineRangeSum = 0;
  for (let index = 0; index < count; index++) {
    const value = values[index]!;
    if (!Number.isFinite(value)) {
      throw new RangeError(`values[${index}] must be a finite number, got ${String(value)}`);
    }
    if (index < baseline) baselineSum += value;
    if (index > 0) {
      const range = Math.abs(value - values[index - 1]!);
      movingRanges[index - 1] = range;
      if (index < baseline) baselineRangeSum += range;
    }
  }
  if (count < 2) return null;

  const mean = baselineSum / baseline;
  const averageMovingRange = baselineRangeSum / (baseline - 1);
  const upperLimit = mean + NATURAL_LIMIT_FACTOR * averageMovingRange;
  const lowerNatural = mean - NATURAL_LIMIT_FACTOR * averageMovingRange;
  const lowerLimit = lowerBound !== undefined && lowerNatural < lowerBound ? null : lowerNatural;
  const upperRangeLimit = RANGE_LIMIT_FACTOR * averageMovingRange;
  const upperZone = mean + ZONE_FACTOR * averageMovingRange;
  const lowerZone = mean - ZONE_FACTOR * averageMovingRange;

  // Points are visited in order and the rules checked in `XmrRule` order, so `signals` comes
  // out sorted by index, then rule.
  const signals: XmrSignal[] = [];
  let aboveZoneInWindow = 0; // values beyond the upper zone line among the last four
  let belowZoneInWindow = 0;
  let runLength = 0; // length of the current run on one side of the mean
  let runSide = 0; // 1 above the mean, −1 below, 0 on it
  let previous = values[0]!;
  for (let index = 0; index < count; index++) {
    const value = values[index]!;
    if (value > upperLimit || (lowerLimit !== null && value < lowerLimit)) {
      signals.push({ index, rule: 'beyond-limits' });
    }

    if (value > upperZone) aboveZoneInWindow++;
    else if (value < lowerZone) belowZoneInWindow++;
    if (index >= 4) {
      const leaving = values[index - 4]!;
      if (leaving > upperZone) aboveZoneInWindow--;
      else if (leaving < lowerZone) belowZoneInWindow--;
    }
    if (index >= 3 && (aboveZoneInWindow >= 3 || belowZoneInWindow >= 3)) {
      signals.push({ index, rule: 'three-of-four' });
    }

    const side = value > mean ? 1 : value < mean ? -1 : 0;
    runLength = side === 0 ? 0 : side === runSide ? runLength + 1 : 1;
    runSide = side;
    if (runLength >= 8) signals.push({ index, rule: 'run-of-eight' });

    if (index >= 1 && Math.abs(value - previous) > upperRangeLimit) {
      signals.push({ index, rule: 'range-beyond-limit' });
    }
    previous = value;
  }

  return {
    mean,
    averageMovingRange,
    upperLimit,
    lowerLimit,
    upperRangeLimit,
    movingRanges,
    signals,
  };
}

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

export function referenceXmrWithRecalculation(
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
  // Validates every value and `lowerBound`, and gives the moving ranges of the whole series.
  const whole = referenceXmr(values, { baselineCount: 2, lowerBound: options.lowerBound });
  if (!whole) return null;
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
    const chart = referenceXmr(values.slice(start, end + 1), {
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
    for (const { index, rule } of chart.signals) signals.push({ index: start + index, rule });
    if (shift) signals.push({ index: shift.detectedAt, rule: 'run-of-eight' });
    if (!found) break;
    shift = { direction: found.direction, detectedAt: found.detectedAt };
    start = found.runStart;
  }
  const ordered = orderedSignals(signals);
  const recentFrom = count - recentCount;
  const newest = ordered.at(-1);
  const recentSignal =
    newest && newest.index >= recentFrom
      ? {
          index: newest.index,
          rules: ordered.filter(({ index }) => index === newest.index).map(({ rule }) => rule),
        }
      : null;
  return {
    segments,
    movingRanges: whole.movingRanges,
    signals: ordered,
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

/** By index, then rule order; one entry per index and rule. */
function orderedSignals(signals: readonly XmrSignal[]): XmrSignal[] {
  const sorted = [...signals].sort(
    (a, b) => a.index - b.index || RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule),
  );
  return sorted.filter(
    (signal, position) =>
      position === 0 ||
      signal.index !== sorted[position - 1]!.index ||
      signal.rule !== sorted[position - 1]!.rule,
  );
}
