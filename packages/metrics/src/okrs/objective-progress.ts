export type WeightedProgress = { progress: number | null; weight?: number };

/**
 * Progress of an objective: the weighted mean of its key results' progress, each clamped to
 * [0, 1] first so that one over-achieved key result cannot hide another that is behind.
 *
 * `Σ wᵢ · clamp(pᵢ, 0, 1) / Σ wᵢ` over the key results whose progress is not `null`; weights
 * default to 1 and must be ≥ 0. `null` when no key result (or only zero weight) is left.
 *
 * Source: Quantive Results, "Objective progress" (average of key results, optionally weighted).
 *
 * @example
 * objectiveProgress([{ progress: 1.25 }, { progress: 0.5 }, { progress: null }]); // → 0.75
 * objectiveProgress([{ progress: 1, weight: 3 }, { progress: 0 }]); // → 0.75
 */
export function objectiveProgress(keyResults: readonly WeightedProgress[]): number | null {
  let weightedSum = 0;
  let totalWeight = 0;
  keyResults.forEach(({ progress, weight = 1 }, index) => {
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(
        `krs[${index}].weight must be a finite number ≥ 0, got ${String(weight)}`,
      );
    }
    if (progress === null) return;
    if (!Number.isFinite(progress)) {
      throw new RangeError(
        `krs[${index}].progress must be a finite number or null, got ${String(progress)}`,
      );
    }
    weightedSum += weight * Math.min(1, Math.max(0, progress));
    totalWeight += weight;
  });
  return totalWeight === 0 ? null : weightedSum / totalWeight;
}
