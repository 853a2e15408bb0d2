import type { KeyResultKind, Pace } from '@bearing/contracts';
import {
  type Day,
  expectedProgress,
  keyResultProgress,
  objectiveProgress,
  okrScore,
  paceStatus,
} from '@bearing/metrics';

/** The numbers an objective or key result shows; every one from `@bearing/metrics`. */
export type OkrNumbers = {
  progress: number | null;
  expectedProgress: number;
  pace: Pace | null;
  score: number | null;
};

type PeriodDays = { start: Day; end: Day };

/**
 * A key result's numbers as of `asOf` (`okrAsOf` of its period: today, or the period's end once
 * it is over), from `current` read as of the same day. `stay-above` / `stay-below` may have no
 * baseline, which their progress does not use (`keyResultProgress` ignores it for those kinds),
 * so the target stands in.
 */
export function keyResultNumbers(
  keyResult: { kind: KeyResultKind; baseline: number | null; target: number },
  current: number | null,
  period: PeriodDays,
  asOf: Day,
): OkrNumbers {
  const progress = keyResultProgress({
    kind: keyResult.kind,
    baseline: keyResult.baseline ?? keyResult.target,
    target: keyResult.target,
    current,
  });
  return withPace(progress, expectedProgress(period, asOf));
}

/** An objective's numbers as of `asOf` from its key results' progress (as of it) and weights. */
export function objectiveNumbers(
  keyResults: readonly { progress: number | null; weight: number }[],
  period: PeriodDays,
  asOf: Day,
): OkrNumbers {
  return withPace(objectiveProgress(keyResults), expectedProgress(period, asOf));
}

function withPace(progress: number | null, expected: number): OkrNumbers {
  return {
    progress,
    expectedProgress: expected,
    pace: progress === null ? null : paceStatus(progress, expected),
    score: okrScore(progress),
  };
}
