export type KeyResultKind = 'increase' | 'decrease' | 'stay-above' | 'stay-below' | 'milestone';

export type KeyResultMeasure = {
  kind: KeyResultKind;
  /** Value when the key result was set; used by `increase` and `decrease` only. */
  baseline: number;
  target: number;
  /** Latest measured value; `null` or absent when nothing has been measured yet. */
  current?: number | null;
};

/**
 * Progress of one key result, where 1 means the target is met.
 *
 * - `increase`: `(current − baseline) / (target − baseline)`
 * - `decrease`: `(baseline − current) / (baseline − target)`
 *   Neither is clamped: 1.25 means 125 %, −0.2 means the value moved the wrong way (Quantive
 *   Results, "Progress calculation" of metric-based key results).
 * - `stay-above`: 1 if `current ≥ target`, else 0; `stay-below`: 1 if `current ≤ target`,
 *   else 0 (baseline unused: a threshold to hold may well equal where it started).
 * - `milestone`: `current`, which must be 0 (not done) or 1 (done).
 *
 * `null` when there is no current value, or — for `increase`/`decrease` — when the target
 * equals the baseline (no distance to cover). An `increase` whose target is below its baseline
 * (or a `decrease` whose target is above) is a contradiction and throws `RangeError` naming
 * `target`.
 *
 * @example
 * keyResultProgress({ kind: 'increase', baseline: 20, target: 60, current: 50 }); // → 0.75
 * keyResultProgress({ kind: 'decrease', baseline: 10, target: 5, current: 3.75 }); // → 1.25
 */
export function keyResultProgress(measure: KeyResultMeasure): number | null {
  const { kind, baseline, target, current } = measure;
  assertFinite(baseline, 'baseline');
  assertFinite(target, 'target');
  if (current !== null && current !== undefined) assertFinite(current, 'current');
  switch (kind) {
    case 'increase':
    case 'decrease': {
      const wrongWay = kind === 'increase' ? target < baseline : target > baseline;
      if (wrongWay) {
        throw new RangeError(
          `target (${target}) must be ${kind === 'increase' ? 'above' : 'below'} baseline (${baseline}) for an ${kind} key result`,
        );
      }
      if (current === null || current === undefined || target === baseline) return null;
      return kind === 'increase'
        ? (current - baseline) / (target - baseline)
        : (baseline - current) / (baseline - target);
    }
    case 'stay-above':
      return current === null || current === undefined ? null : current >= target ? 1 : 0;
    case 'stay-below':
      return current === null || current === undefined ? null : current <= target ? 1 : 0;
    case 'milestone':
      if (current === null || current === undefined) return null;
      if (current !== 0 && current !== 1) {
        throw new RangeError(`current must be 0 or 1 for a milestone, got ${current}`);
      }
      return current;
    default:
      throw new RangeError(`kind is not a key result kind: ${String(kind)}`);
  }
}

function assertFinite(value: number, name: string): void {
  if (!Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${String(value)}`);
  }
}
