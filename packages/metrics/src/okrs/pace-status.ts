export type PaceStatus = 'on-track' | 'at-risk' | 'off-track';

/** Absolute tolerance on the gap, in progress units (0–1), for float rounding. */
const TOLERANCE = 1e-9;

export type PaceThresholds = { atRisk?: number; offTrack?: number };

/**
 * Whether progress keeps pace with time, from the gap `expected − progress`:
 * `off-track` when gap ≥ `offTrack` (default 0.3), `at-risk` when gap ≥ `atRisk` (default 0.15),
 * else `on-track`. Progress ahead of schedule (negative gap) is on track. A gap equal to a
 * threshold up to float rounding (0.5 − 0.45 = 0.04999…) counts as reaching it.
 *
 * Thresholds must be ≥ 0 with `atRisk ≤ offTrack`; both are in progress units (0.15 = 15
 * points of a 0–1 scale). Source: the on-track / at-risk / behind statuses of OKR tools
 * (Quantive Results "pace", Google re:Work OKR check-ins).
 *
 * @example
 * paceStatus(0.4, 0.5); // → 'on-track' (gap 0.1)
 * paceStatus(0.3, 0.5); // → 'at-risk' (gap 0.2)
 * paceStatus(0.1, 0.5); // → 'off-track' (gap 0.4)
 */
export function paceStatus(
  progress: number,
  expected: number,
  thresholds: PaceThresholds = {},
): PaceStatus {
  const { atRisk = 0.15, offTrack = 0.3 } = thresholds;
  if (!Number.isFinite(progress)) {
    throw new RangeError(`progress must be a finite number, got ${String(progress)}`);
  }
  if (!Number.isFinite(expected)) {
    throw new RangeError(`expected must be a finite number, got ${String(expected)}`);
  }
  if (!Number.isFinite(atRisk) || atRisk < 0) {
    throw new RangeError(`atRisk must be a finite number ≥ 0, got ${String(atRisk)}`);
  }
  if (!Number.isFinite(offTrack) || offTrack < atRisk) {
    throw new RangeError(
      `offTrack must be a finite number ≥ atRisk (${atRisk}), got ${String(offTrack)}`,
    );
  }
  const gap = expected - progress + TOLERANCE;
  if (gap >= offTrack) return 'off-track';
  if (gap >= atRisk) return 'at-risk';
  return 'on-track';
}
