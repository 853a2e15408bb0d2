import type { KeyResultKind, Pace } from '@bearing/contracts';
import {
  type Day,
  expectedProgress,
  keyResultProgress,
  objectiveRollup,
  type ObjectiveRollupNode,
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

/** What an objective's progress was rolled up from: the measured inputs that counted in it. */
export type RolledUpFrom = { keyResults: number; objectives: number };

/**
 * An objective's numbers as of `asOf`, its progress rolled up (`objectiveRollup`) from its own
 * key results and the objectives aligned below it — each read as of its own period's `okrAsOf`
 * — and its expected progress and pace those of its own period.
 */
export function objectiveNumbers(
  objective: ObjectiveRollupNode,
  period: PeriodDays,
  asOf: Day,
): OkrNumbers & { rolledUpFrom: RolledUpFrom } {
  const { progress, keyResults, objectives } = objectiveRollup(objective);
  return {
    ...withPace(progress, expectedProgress(period, asOf)),
    rolledUpFrom: { keyResults, objectives },
  };
}

function withPace(progress: number | null, expected: number): OkrNumbers {
  return {
    progress,
    expectedProgress: expected,
    pace: progress === null ? null : paceStatus(progress, expected),
    score: okrScore(progress),
  };
}
