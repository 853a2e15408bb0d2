export type XmrRule = 'beyond-limits' | 'three-of-four' | 'run-of-eight' | 'range-beyond-limit';

export type XmrSignal = { index: number; rule: XmrRule };

export type XmrOptions = {
  /** How many leading values set the limits (at least 2); default all. Larger than the series: all. */
  baselineCount?: number;
  /** The lowest value the measure can take (e.g. 0 for a cycle time). */
  lowerBound?: number;
};

export type XmrChart = {
  /** Mean of the baseline values: the central line. */
  mean: number;
  /** Mean of the moving ranges within the baseline (mR̄). */
  averageMovingRange: number;
  /** Upper natural process limit: mean + 2.66 · mR̄. */
  upperLimit: number;
  /** Lower natural process limit: mean − 2.66 · mR̄; `null` when it falls below `lowerBound`. */
  lowerLimit: number | null;
  /** Upper range limit: 3.268 · mR̄. */
  upperRangeLimit: number;
  /** `movingRanges[i − 1]` = |xᵢ − xᵢ₋₁| for every i ≥ 1 (length n − 1). */
  movingRanges: number[];
  /** One entry per point and rule that fires, ordered by index, then by rule as listed in `XmrRule`. */
  signals: XmrSignal[];
};

/** 3 / d₂ with d₂ = 1.128 for moving ranges of two points. */
const NATURAL_LIMIT_FACTOR = 2.66;
/** D₄ for moving ranges of two points. */
const RANGE_LIMIT_FACTOR = 3.268;
/** Half-way to the limits: the "closer to a limit than to the central line" line. */
const ZONE_FACTOR = 1.33;

/**
 * A process behaviour chart for individual values (XmR chart), after Donald J. Wheeler,
 * "Understanding Variation: The Key to Managing Chaos" (2nd ed., 2000).
 *
 * - mRᵢ = |xᵢ − xᵢ₋₁|; the mean and mR̄ come from the first `baselineCount` values.
 * - Natural process limits = mean ± 2.66 · mR̄; upper range limit = 3.268 · mR̄.
 * - Signals, checked over every value (baseline or not):
 *   - `beyond-limits` — a value strictly above the upper or below the lower limit;
 *   - `three-of-four` — 3 of 4 consecutive values strictly beyond mean ± 1.33 · mR̄ on the same
 *     side, reported at the 4th value of each such window;
 *   - `run-of-eight` — 8 consecutive values on the same side of the mean (a value exactly on
 *     the mean breaks the run), reported at the 8th and at every value that continues the run;
 *   - `range-beyond-limit` — a moving range strictly above the upper range limit, reported at
 *     the index of the later value of the pair.
 *   A value that trips several rules gets one entry per rule; entries are ordered by index,
 *   then in the order of the list above.
 *
 * `null` with fewer than 2 values (no moving range).
 *
 * @example
 * xmr([5, 7, 6, 8, 6, 7, 5, 20], { lowerBound: 0 });
 * // mean 8, mR̄ = 25/7 ≈ 3.571, upperLimit = 17.5, lowerLimit null (8 − 9.5 < 0),
 * // upperRangeLimit ≈ 11.67, movingRanges [2, 1, 2, 2, 1, 2, 15],
 * // signals [{ index: 7, rule: 'beyond-limits' }, { index: 7, rule: 'range-beyond-limit' }]
 */
export function xmr(values: readonly number[], options: XmrOptions = {}): XmrChart | null {
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
